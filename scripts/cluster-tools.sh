#!/usr/bin/env bash
# Builds the real programs the cluster tests run, from the Go module proxy, at pinned versions:
# kube-apiserver, kube-controller-manager and kubectl (k8s.io/kubernetes), etcd and helm.
# Binaries go to a cache outside the repository, keyed by version, and are reused when present:
#   ${CHARTWRIGHT_TOOLS:-$HOME/.cache/chartwright/tools}/<name>-<version>/<binary>
# Prints the folder of each tool; exits 1 when Go is missing or a build fails.
set -euo pipefail

KUBERNETES_VERSION=v1.37.2
ETCD_VERSION=v3.7.3
HELM_VERSION=v3.22.0

TOOLS=${CHARTWRIGHT_TOOLS:-$HOME/.cache/chartwright/tools}
mkdir -p "$TOOLS"

log() { echo "cluster-tools: $*" >&2; }

# build NAME VERSION -- runs the function "prepare_NAME VERSION" in a scratch folder, which
# builds into out/; the binaries are moved into place only when all of them built, so a failed
# or cut build leaves no half folder (and its scratch folder is removed on the way out).
WORK=
trap 'if [ -n "$WORK" ]; then rm -rf "$WORK"; fi' EXIT
build() {
  local name=$1 version=$2; shift 2
  local dest="$TOOLS/$name-$version"
  if [ -f "$dest/.complete" ]; then echo "$dest"; return 0; fi
  if ! command -v go >/dev/null 2>&1; then
    log "Go is not installed: it is needed once to build $name $version (and the other cluster tools); install Go 1.26 or newer"
    exit 1
  fi
  WORK=$(mktemp -d "$TOOLS/.build-$name-XXXXXX")
  local started=$SECONDS
  log "building $name $version (first time only; several minutes)"
  ( cd "$WORK" && "prepare_$name" "$version" )
  rm -rf "$dest"
  mkdir -p "$dest"
  mv "$WORK"/out/* "$dest"/
  rm -rf "$WORK"
  WORK=
  touch "$dest/.complete"
  log "built $name $version in $((SECONDS - started)) s"
  echo "$dest"
}

prepare_kubernetes() {
  local version=$1 minor staging
  # k8s.io/kubernetes points its k8s.io/* staging modules at local folders; require the
  # published ones (v0.<minor>.<patch>) instead.
  staging="v0.${version#v1.}"
  go mod init chartwright.local/kubernetes-tools >/dev/null 2>&1
  go mod edit -go=1.26.0 -require="k8s.io/kubernetes@$version"
  local mod; mod=$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  grep -E '^\s+k8s\.io/[a-z0-9-]+ => \./staging/' "$mod" | awk '{print $1}' | while read -r m; do
    go mod edit -replace="$m=$m@$staging"
  done
  # Keep every other dependency at the version Kubernetes pins.
  grep -E '^\s+[a-z].* v[0-9]' "$mod" | grep -v '=>' | grep -v '^\s*k8s.io/kubernetes' | awk '{print $1"@"$2}' | while read -r r; do
    go mod edit -require="$r"
  done
  cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  GOFLAGS=-mod=mod go mod tidy -e >/dev/null 2>&1 || true
  minor=${version#v1.}; minor=${minor%%.*}
  local ld="-s -w -X k8s.io/component-base/version.gitVersion=$version -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean"
  mkdir -p out
  GOFLAGS=-mod=mod go build -tags tools -trimpath -ldflags "$ld" -o out/ \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kubectl
}

prepare_etcd() {
  local version=$1
  go mod init chartwright.local/etcd-tools >/dev/null 2>&1
  go mod edit -go=1.26.0 -require="go.etcd.io/etcd/server/v3@$version"
  mkdir -p cmd/etcd
  cat > cmd/etcd/main.go <<'GO'
// The etcd server, as etcd's own main package starts it.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  GOFLAGS=-mod=mod go mod tidy >/dev/null
  mkdir -p out
  go build -trimpath -ldflags "-s -w" -o out/etcd ./cmd/etcd
}

prepare_helm() {
  local version=$1
  mkdir -p out
  GOBIN="$PWD/out" go install -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$version" "helm.sh/helm/v3/cmd/helm@$version"
}

build kubernetes "$KUBERNETES_VERSION"
build etcd "$ETCD_VERSION"
build helm "$HELM_VERSION"

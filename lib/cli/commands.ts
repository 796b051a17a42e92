import { Command } from './command';
import { diffCommand } from './diff';
import { initCommand } from './init';
import { synthCommand } from './synth';
import { validateCommand } from './validate';
import { valuesCommand } from './values';

/** Every command, in the order help and docs list them. */
export const COMMANDS: readonly Command[] = [synthCommand, diffCommand, valuesCommand, validateCommand, initCommand];

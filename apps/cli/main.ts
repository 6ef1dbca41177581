#!/usr/bin/env node
// The `stepgrade` command: teacher workflows against the API and local CAS tools.
// Each command group lives in its own module under ./commands and registers itself here.
import { Command } from 'commander';

const program = new Command();
program.name('stepgrade').description('StepGrade: grade step-by-step math work').showHelpAfterError();

// Command modules are added below as they land (one import + one register call each).

await program.parseAsync(process.argv);

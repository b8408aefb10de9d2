#!/usr/bin/env node
// The CLI (see src/cli.ts), built by `npm run build:gateway`.
import '../dist/cli.mjs';

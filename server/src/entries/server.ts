#!/usr/bin/env node
// caselint-language-server (server/out/server.js): runs the server's bundle, server/out/server-main.js (server.ts), with V8's code cache (launch.ts).
import { join } from 'node:path';
import { launch } from '../launch';

launch(join(__dirname, 'server-main.js'));

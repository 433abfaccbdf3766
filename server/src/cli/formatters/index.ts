import type { FormatName } from '../args';
import type { Formatter } from '../report';
import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { sarif } from './sarif';
import { stylish } from './stylish';

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github, junit, markdown };

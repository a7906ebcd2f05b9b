// Vitest global setup: the seed files module is generated from rules/ before any test imports it.
import { generate } from './gen-seeds.js';

export default function setup(): void {
  generate();
}

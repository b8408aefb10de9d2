// The widget's own Open311 client (src/backend/open311.ts) built for Node, to prove that what the gateway
// answers (data and errors) is what the widget already understands.
import { bundleForNode } from '../../../scripts/check/bundle-for-node.mjs';

export const loadWidgetClient = () =>
  bundleForNode('open311-client', `export { createOpen311Backend } from './src/backend/open311';`);

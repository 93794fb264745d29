// qrcode's encoder on its own (the package's `create`), without the package entry point, which
// also loads its PNG, terminal and data-URL renderers (and pngjs) at start-up for nothing.
declare module "qrcode/lib/core/qrcode.js" {
  export { create } from "qrcode";
}

// node-tak 9 imports p12-pem only in its CLI (dist/cli.js), which the interop harness never runs.
export function getPemFromP12() {
    throw new Error('p12-pem is a stand-in here: use openssl to read a .p12');
}

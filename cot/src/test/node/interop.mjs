// Exchanges events with a running Vigil COP server using third-party TAK client code, over
// plain TCP (XML), TCP after the TAK protocol negotiation (protobuf) and mutual TLS.
//
// What is third-party (installed from npm, pinned in package-lock.json) and what is ours:
//   * @tak-ps/node-tak 9.2.2 - the whole TLS streaming client of section 3: its own
//     tls.connect with the client certificate, `ca` and `rejectUnauthorized: true` (so node-tak
//     itself verifies the server against ca.pem), its XML stream parser, its 5 s t-x-c-t pings
//     and its write queue. We only extract cert/key PEM from Vigil's .p12 (openssl, as a TAK
//     user would) and listen to its events.
//   * node-tak's TAK.findCoT - the XML stream splitter used by the plain-TCP XML client.
//   * @tak-ps/node-cot 12.23.0 - every event sent or received: built and parsed as CoT XML
//     (CoT, to_xml, CoT.ping) and encoded/decoded as TAK protocol v1 protobuf (to_proto,
//     from_proto, with ATAK's takmessage.proto).
//   * protobufjs (node-cot's own protobuf runtime) - the varint of the streaming frame length.
//   * Ours (the glue, because no npm TAK client speaks plain TCP or negotiates protobuf):
//     net.connect for the plain TCP sockets; the negotiation state machine (read the
//     t-x-takp-v advertisement, send t-x-takp-q, switch exactly after a t-x-takp-r with
//     status="true"); the 0xbf magic byte in front of each frame; and the checks.
//
// usage: node interop.mjs --tcp PORT --tls PORT --certs DIR --password PW
//                         [--foreign DIR] [--samples DIR]
//   --foreign: a certificate folder of another CA (its ca.pem and mallory.p12) for the
//              negative cases: node-tak must refuse Vigil's server certificate against that
//              CA, and Vigil must refuse mallory's client certificate.
// Prints "ok - ..." per check; exits 0 when all hold, 1 on the first failure.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import protobuf from 'protobufjs';
import TAK, { CoT } from '@tak-ps/node-tak';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
    a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc, []));
const ok = (m) => console.log(`ok - ${m}`);
const fail = (m) => { console.log(`not ok - ${m}`); process.exit(1); };
setTimeout(() => fail('timed out after 80 s'), 80_000).unref();

function position(uid, group, lat) {
    const now = new Date();
    const stale = new Date(now.getTime() + 5 * 60_000);
    return new CoT(`<event version="2.0" uid="${uid}" type="a-f-G-U-C" how="m-g" time="${now.toISOString()}" `
        + `start="${now.toISOString()}" stale="${stale.toISOString()}">`
        + `<point lat="${lat}" lon="30.5" hae="150" ce="5" le="9999999.0"/>`
        + `<detail><contact callsign="${uid}"/><__group name="${group}" role="Team Member"/></detail></event>`);
}

const attrs = (cot) => cot.raw.event._attributes;
const lat = (cot) => Number(cot.raw.event.point._attributes.lat);

/** Resolves when pred holds for one of list (which grows as events arrive); fails after ms. */
function eventually(list, pred, what, ms = 10_000) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => fail(`no ${what} within ${ms} ms`), ms);
        const check = () => {
            const hit = list.find(pred);
            if (hit) { clearTimeout(timer); resolve(hit); } else setTimeout(check, 10);
        };
        check();
    });
}

/** Plain TCP, XML only: node-tak's stream splitter and node-cot's parser on a net socket. */
class XmlTcpClient {
    static connect(port) {
        return new Promise((resolve) => {
            const c = new XmlTcpClient();
            c.events = [];
            let buff = '';
            c.socket = net.connect({ host: '127.0.0.1', port }, () => resolve(c));
            c.socket.on('error', (e) => fail(`tcp xml socket: ${e.message}`));
            c.socket.on('data', (data) => {
                buff += data.toString('utf8');
                let found;
                while ((found = TAK.findCoT(buff))) {
                    buff = found.remainder;
                    try {
                        c.events.push(new CoT(found.event));
                    } catch {
                        // node-cot's schema refuses some protocol-control events; a TAK client skips them too
                    }
                }
            });
        });
    }

    send(cot) { this.socket.write(cot.to_xml() + '\n'); }

    waitFor(what, pred, ms) { return eventually(this.events, pred, what, ms); }

    close() { this.socket.destroy(); }
}

/**
 * Plain TCP that negotiates TAK protocol v1: XML until the server accepts the request, then
 * 0xbf + varint(length) + TakMessage, both ways. The switch point is byte-exact, as the
 * protobuf bytes may follow the response's </event> in the same read.
 */
class NegotiatingTcpClient {
    static connect(port) {
        return new Promise((resolve) => {
            const c = new NegotiatingTcpClient();
            c.events = [];
            c.buf = Buffer.alloc(0);
            c.proto = false;
            c.socket = net.connect({ host: '127.0.0.1', port }, () => resolve(c));
            c.socket.on('error', (e) => fail(`tcp protobuf socket: ${e.message}`));
            c.socket.on('data', (d) => { c.buf = Buffer.concat([c.buf, d]); c.parse(); });
        });
    }

    parse() {
        for (;;) {
            if (this.proto) {
                if (this.buf.length < 2) return;
                if (this.buf[0] !== 0xbf) fail(`bad frame start 0x${this.buf[0].toString(16)}`);
                const reader = protobuf.Reader.create(this.buf.subarray(1));
                let len;
                try {
                    len = reader.uint32();
                } catch (e) {
                    if (e instanceof RangeError) return; // varint not complete yet
                    throw e;
                }
                const start = 1 + reader.pos;
                if (this.buf.length < start + len) return;
                const cot = CoT.from_proto(this.buf.subarray(start, start + len));
                this.buf = this.buf.subarray(start + len);
                this.events.push({ cot, proto: true });
            } else {
                const end = this.buf.indexOf('</event>');
                if (end < 0) return;
                const xml = this.buf.subarray(0, end + 8).toString('utf8').replace(/^[\s\u0000]+/, '');
                this.buf = this.buf.subarray(end + 8);
                let cot;
                try {
                    cot = new CoT(xml);
                } catch {
                    continue;
                }
                const control = cot.raw.event.detail?.TakControl;
                if (attrs(cot).type === 't-x-takp-r' && control?.TakResponse?._attributes?.status === 'true') {
                    this.proto = true; // everything after this </event> is framed protobuf
                }
                this.events.push({ cot, proto: false });
            }
        }
    }

    waitFor(what, pred, ms) { return eventually(this.events, pred, what, ms); }

    send(cot) {
        if (!this.proto) {
            this.socket.write(cot.to_xml() + '\n');
            return;
        }
        const payload = cot.to_proto(1);
        const length = protobuf.Writer.create().uint32(payload.length).finish();
        this.socket.write(Buffer.concat([Buffer.from([0xbf]), Buffer.from(length), Buffer.from(payload)]));
    }

    async negotiate() {
        const ad = (await this.waitFor('t-x-takp-v advertisement', (e) => attrs(e.cot).type === 't-x-takp-v')).cot;
        const versions = [].concat(ad.raw.event.detail.TakControl.TakProtocolSupport).map((s) => s._attributes.version);
        if (!versions.includes('1')) fail(`server advertises ${versions}, not 1`);
        const now = new Date().toISOString();
        // node-cot's schema has no TakRequest, so the request is written out as the spec shows it
        this.socket.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><event version="2.0" uid="${attrs(ad).uid}" `
            + `type="t-x-takp-q" how="m-g" time="${now}" start="${now}" stale="${new Date(Date.now() + 60_000).toISOString()}">`
            + `<point lat="0" lon="0" hae="0" ce="999999" le="999999"/><detail><TakControl><TakRequest version="1"/>`
            + `</TakControl></detail></event>`);
        await this.waitFor('t-x-takp-r response', (e) => attrs(e.cot).type === 't-x-takp-r');
        if (!this.proto) fail('server refused protobuf');
    }

    close() { this.socket.destroy(); }
}

async function exchange(label, a, b, group) {
    const uidOf = (e) => attrs(e.cot ?? e).uid;
    a.send(position(`${group}-A`, group, 50.1));
    b.send(position(`${group}-B`, group, 50.2));
    await b.waitFor(`${label}: A's event at B`, (e) => uidOf(e) === `${group}-A`);
    await a.waitFor(`${label}: B's event at A`, (e) => uidOf(e) === `${group}-B`);
    a.send(position(`${group}-A`, group, 50.3));
    const got = await b.waitFor(`${label}: A's live event at B`, (e) => uidOf(e) === `${group}-A` && lat(e.cot ?? e) === 50.3);
    const g = (got.cot ?? got).raw.event.detail.__group._attributes;
    if (g.name !== group) fail(`${label}: group came back as ${g.name}`);
    return got;
}

// 1. TCP, XML both ways
{
    const a = await XmlTcpClient.connect(Number(args.tcp));
    const b = await XmlTcpClient.connect(Number(args.tcp));
    await exchange('tcp xml', a, b, 'node-tcp');
    ok('tcp xml: node-cot events from A reach B as XML (split by node-tak findCoT), with contact and __group');
    a.send(CoT.ping());
    await a.waitFor('t-x-c-t-r pong', (c) => attrs(c).type === 't-x-c-t-r');
    ok('tcp xml: node-cot t-x-c-t ping answered with t-x-c-t-r');
    a.close(); b.close();
}

// 2. TCP, protobuf after negotiation (C) with an XML client (D)
{
    const c = await NegotiatingTcpClient.connect(Number(args.tcp));
    const d = await NegotiatingTcpClient.connect(Number(args.tcp));
    await c.negotiate();
    ok('tcp protobuf: advertisement read, version 1 requested and accepted');
    const atD = await exchange('tcp pb->xml', c, d, 'node-pb');
    if (atD.proto) fail('tcp pb: the XML client got protobuf');
    d.send(position('node-pb-B', 'node-pb', 50.4));
    const atC = await c.waitFor('tcp pb: D event at C', (e) => attrs(e.cot).uid === 'node-pb-B' && lat(e.cot) === 50.4);
    if (!atC.proto) fail('tcp pb: the protobuf client got XML');
    c.send(CoT.ping());
    await c.waitFor('protobuf pong', (e) => e.proto && attrs(e.cot).type === 't-x-c-t-r');
    ok('tcp protobuf: C (TAK protocol v1, node-cot to_proto/from_proto) and D (XML) exchange events, '
        + 'each in its own encoding; C\'s protobuf ping is answered in protobuf');
    c.close(); d.close();
}

// 3. Mutual TLS: node-tak with a Vigil-issued certificate, verifying the server against ca.pem
const pem = (dir, name) => {
    const p12 = path.join(dir, `${name}.p12`);
    const out = execFileSync('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${args.password}`, '-nodes'], { encoding: 'utf8' });
    return {
        cert: out.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)[0],
        key: out.match(/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/)[0],
    };
};
const tlsUrl = new URL(`ssl://localhost:${args.tls}`);

/** node-tak's own outcome: 'secure' once verified and connected, or its error. */
function outcome(tak, ms = 10_000) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
        tak.once('secureConnect', () => { clearTimeout(timer); resolve({ kind: 'secure' }); });
        tak.once('error', (e) => { clearTimeout(timer); resolve({ kind: 'error', error: e }); });
    });
}

{
    const ca = fs.readFileSync(path.join(args.certs, 'ca.pem'), 'utf8');
    const connect = async (name) => {
        const tak = await TAK.connect(tlsUrl, { ...pem(args.certs, name), ca, rejectUnauthorized: true }, { id: name });
        const o = await outcome(tak);
        if (o.kind !== 'secure') fail(`tls ${name}: ${o.kind} ${o.error?.code ?? ''} ${o.error?.message ?? ''}`);
        if (!tak.client.authorized) fail(`tls ${name}: node-tak connected to an unverified server (${tak.client.authorizationError})`);
        tak.received = [];
        tak.on('cot', (cot) => tak.received.push(cot));
        tak.on('error', (e) => fail(`tls ${name}: ${e.message}`));
        await new Promise((resolve) => (tak.open ? resolve() : tak.once('ping', resolve)));
        return tak;
    };
    const alice = await connect('alice');
    const bob = await connect('bob');
    ok('tls: node-tak (ca = ca.pem, rejectUnauthorized: true) verified the server and connected with vigil-issued '
        + 'certificates; the server answered node-tak\'s pings');
    alice.write([position('node-tls-A', 'node-tls', 50.1)]);
    bob.write([position('node-tls-B', 'node-tls', 50.2)]);
    await eventually(bob.received, (c) => attrs(c).uid === 'node-tls-A', "tls: alice's event at bob");
    await eventually(alice.received, (c) => attrs(c).uid === 'node-tls-B', "tls: bob's event at alice");
    alice.write([position('node-tls-A', 'node-tls', 50.3)]);
    await eventually(bob.received, (c) => attrs(c).uid === 'node-tls-A' && lat(c) === 50.3, "tls: alice's live event at bob");
    ok('tls: node-tak alice and bob exchange events over mutual TLS');
    alice.destroy(); bob.destroy();
}

// 4. Negative cases with a foreign CA
if (args.foreign) {
    const foreignCa = fs.readFileSync(path.join(args.foreign, 'ca.pem'), 'utf8');
    const wrongTrust = await TAK.connect(tlsUrl, { ...pem(args.certs, 'alice'), ca: foreignCa, rejectUnauthorized: true },
        { id: 'alice-wrong-ca' });
    const o = await outcome(wrongTrust);
    wrongTrust.destroy();
    if (o.kind !== 'error') fail(`tls: node-tak trusting a foreign CA did not refuse Vigil's server (${o.kind})`);
    const refusals = ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
        'CERT_SIGNATURE_FAILURE', 'DEPTH_ZERO_SELF_SIGNED_CERT'];
    if (!refusals.includes(o.error.code)) fail(`tls: unexpected refusal ${o.error.code}: ${o.error.message}`);
    ok(`tls: node-tak refuses the server when ca is another CA (${o.error.code})`);

    const ca = fs.readFileSync(path.join(args.certs, 'ca.pem'), 'utf8');
    const mallory = await TAK.connect(tlsUrl, { ...pem(args.foreign, 'mallory'), ca, rejectUnauthorized: true },
        { id: 'mallory' });
    const refused = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        mallory.on('error', () => { clearTimeout(timer); resolve(true); });
        mallory.on('end', () => { clearTimeout(timer); resolve(true); });
        mallory.on('ping', () => { clearTimeout(timer); resolve(false); });
    });
    mallory.destroy();
    if (!refused || mallory.open) fail('tls: a client certificate from another CA was not refused');
    ok('tls: Vigil refuses node-tak presenting a certificate from another CA');
}

// 5. Golden samples: what Vigil re-encodes from node-cot's bytes decodes in node-cot to the same event
if (args.samples) {
    const strip = (detail) => Object.fromEntries(Object.entries(detail ?? {}).filter(([k]) => k !== '_flow-tags_'));
    const same = (x, y) => JSON.stringify(sortKeys(x)) === JSON.stringify(sortKeys(y));
    const sortKeys = (v) => (v && typeof v === 'object' && !Array.isArray(v))
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
    const names = fs.readdirSync(args.samples).filter((f) => f.endsWith('.vigil.pb')).map((f) => f.slice(0, -'.vigil.pb'.length));
    if (names.length === 0) fail('no samples given');
    for (const name of names) {
        const expected = JSON.parse(fs.readFileSync(path.join(args.samples, `${name}.json`), 'utf8')).decodedEvent.event;
        const got = CoT.from_proto(fs.readFileSync(path.join(args.samples, `${name}.vigil.pb`))).raw.event;
        const points = ['lat', 'lon', 'hae', 'ce', 'le'].every((k) =>
            Number(got.point._attributes[k]) === Number(expected.point._attributes[k]));
        const attrsSame = ['uid', 'type', 'how', 'time', 'start', 'stale'].every((k) =>
            got._attributes[k] === expected._attributes[k]);
        if (!points || !attrsSame || !same(strip(got.detail), strip(expected.detail))) {
            fail(`sample ${name}: node-cot reads Vigil's encoding as ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
        }
    }
    ok(`samples: node-cot decodes Vigil's re-encoding of ${names.length} golden samples to their .json decodedEvent`);
}

ok('all');
process.exit(0);

// Exchanges events with a running Vigil COP server using third-party TAK client code:
// @tak-ps/node-tak (TLS streaming client) and @tak-ps/node-cot (CoT XML and TAK protocol v1
// codecs). The socket glue for plain TCP and the protobuf negotiation is written here (node-tak
// only speaks XML over TLS); every event is built and parsed by node-cot.
//
// usage: node interop.mjs --tcp PORT --tls PORT --certs DIR --password PW [--samples DIR]
// Prints "ok - ..." per check; exits 0 when all hold, 1 on the first failure.
import net from 'node:net';
import tls from 'node:tls';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import TAK, { CoT } from '@tak-ps/node-tak';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
    a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc, []));
const ok = (m) => console.log(`ok - ${m}`);
const fail = (m) => { console.log(`not ok - ${m}`); process.exit(1); };
setTimeout(() => fail('timed out after 60 s'), 60_000).unref();

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

/** A raw streaming client: XML until an accepted negotiation, then 0xbf-varint framed protobuf. */
class StreamClient {
    constructor(socket) {
        this.socket = socket;
        this.buf = Buffer.alloc(0);
        this.proto = false;
        this.events = [];
        this.waiters = [];
        socket.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.parse(); });
        socket.on('error', (e) => fail(`socket error: ${e.message}`));
    }

    static connect(port) {
        return new Promise((resolve) => {
            const s = net.connect({ host: '127.0.0.1', port }, () => resolve(new StreamClient(s)));
        });
    }

    parse() {
        for (;;) {
            let cot;
            if (this.proto) {
                if (this.buf.length < 2) return;
                if (this.buf[0] !== 0xbf) fail(`bad frame start 0x${this.buf[0].toString(16)}`);
                let len = 0, shift = 0, i = 1;
                for (;; i++) {
                    if (i >= this.buf.length) return;
                    len += (this.buf[i] & 0x7f) * 2 ** shift;
                    shift += 7;
                    if ((this.buf[i] & 0x80) === 0) { i++; break; }
                }
                if (this.buf.length < i + len) return;
                cot = CoT.from_proto(this.buf.subarray(i, i + len));
                this.buf = this.buf.subarray(i + len);
            } else {
                const end = this.buf.indexOf('</event>');
                if (end < 0) return;
                const xml = this.buf.subarray(0, end + 8).toString('utf8').replace(/^[\s\u0000]+/, '');
                this.buf = this.buf.subarray(end + 8);
                try {
                    cot = new CoT(xml);
                } catch (e) {
                    continue; // node-cot's schema refuses some control events; the TAK clients skip them too
                }
                const control = cot.raw.event.detail?.TakControl;
                if (attrs(cot).type === 't-x-takp-r' && control?.TakResponse?._attributes?.status === 'true') {
                    this.proto = true; // switch exactly after this </event>
                }
            }
            this.events.push({ cot, proto: this.proto && attrs(cot).type !== 't-x-takp-r' });
            this.waiters = this.waiters.filter((w) => !w.test(this.events.at(-1)));
        }
    }

    waitFor(what, pred, ms = 10_000) {
        const hit = this.events.find(pred);
        if (hit) return Promise.resolve(hit);
        return new Promise((resolve) => {
            const timer = setTimeout(() => fail(`no ${what} within ${ms} ms`), ms);
            this.waiters.push({ test: (e) => pred(e) && (clearTimeout(timer), resolve(e), true) });
        });
    }

    send(cot) {
        if (!this.proto) {
            this.socket.write(cot.to_xml());
            return;
        }
        const payload = Buffer.from(cot.to_proto(1));
        const header = [0xbf];
        let n = payload.length;
        while (n > 0x7f) { header.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
        header.push(n);
        this.socket.write(Buffer.concat([Buffer.from(header), payload]));
    }

    async negotiate() {
        const ad = (await this.waitFor('t-x-takp-v advertisement', (e) => attrs(e.cot).type === 't-x-takp-v')).cot;
        const versions = [].concat(ad.raw.event.detail.TakControl.TakProtocolSupport).map((s) => s._attributes.version);
        if (!versions.includes('1')) fail(`server advertises ${versions}, not 1`);
        const now = new Date().toISOString();
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
    a.send(position(`${group}-A`, group, 50.1));
    b.send(position(`${group}-B`, group, 50.2));
    await b.waitFor(`${label}: A's event at B`, (e) => attrs(e.cot).uid === `${group}-A`);
    await a.waitFor(`${label}: B's event at A`, (e) => attrs(e.cot).uid === `${group}-B`);
    a.send(position(`${group}-A`, group, 50.3));
    const got = await b.waitFor(`${label}: A's live event at B`, (e) => attrs(e.cot).uid === `${group}-A` && lat(e.cot) === 50.3);
    const g = got.cot.raw.event.detail.__group._attributes;
    if (g.name !== group) fail(`${label}: group came back as ${g.name}`);
    return got;
}

// 1. TCP, XML both ways
{
    const a = await StreamClient.connect(Number(args.tcp));
    const b = await StreamClient.connect(Number(args.tcp));
    const got = await exchange('tcp xml', a, b, 'node-tcp');
    if (got.proto) fail('tcp xml: B got protobuf');
    ok('tcp xml: node-cot events from A reach B as XML, with contact and __group');
    a.send(CoT.ping());
    await a.waitFor('t-x-c-t-r pong', (e) => attrs(e.cot).type === 't-x-c-t-r');
    ok('tcp xml: t-x-c-t ping answered with t-x-c-t-r');
    a.close(); b.close();
}

// 2. TCP, protobuf after negotiation (C) with an XML client (D)
{
    const c = await StreamClient.connect(Number(args.tcp));
    const d = await StreamClient.connect(Number(args.tcp));
    await c.negotiate();
    ok('tcp protobuf: advertisement read, version 1 requested and accepted');
    const atD = await exchange('tcp pb->xml', c, d, 'node-pb');
    if (atD.proto) fail('tcp pb: the XML client got protobuf');
    d.send(position('node-pb-B', 'node-pb', 50.4));
    const atC = await c.waitFor('tcp pb: D event at C', (e) => attrs(e.cot).uid === 'node-pb-B' && lat(e.cot) === 50.4);
    if (!atC.proto) fail('tcp pb: the protobuf client got XML');
    ok('tcp protobuf: C (TAK protocol v1, node-cot to_proto/from_proto) and D (XML) exchange events, each in its own encoding');
    c.close(); d.close();
}

// 3. Mutual TLS with certificates issued by Vigil, server verified against ca.pem
{
    const ca = fs.readFileSync(path.join(args.certs, 'ca.pem'), 'utf8');
    const pem = (name) => {
        const p12 = path.join(args.certs, `${name}.p12`);
        tls.createSecureContext({ pfx: fs.readFileSync(p12), passphrase: args.password }); // Node imports the PKCS#12
        const out = execFileSync('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${args.password}`, '-nodes'], { encoding: 'utf8' });
        return {
            cert: out.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)[0],
            key: out.match(/-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/)[0],
        };
    };
    // Node's own verification: the server's chain against ca.pem and its name, with the client's .p12
    await new Promise((resolve) => {
        const s = tls.connect({ host: 'localhost', port: Number(args.tls), ca, rejectUnauthorized: true,
            pfx: fs.readFileSync(path.join(args.certs, 'alice.p12')), passphrase: args.password }, () => {
            if (!s.authorized) fail(`server certificate not trusted: ${s.authorizationError}`);
            s.destroy();
            resolve();
        });
        s.on('error', (e) => fail(`tls with ca.pem: ${e.message}`));
    });
    ok('tls: the server certificate verifies against ca.pem for localhost (rejectUnauthorized)');

    const caCert = new X509Certificate(ca);
    const connect = async (name) => {
        const tak = await TAK.connect(name, new URL(`ssl://localhost:${args.tls}`), pem(name));
        await new Promise((resolve) => tak.once('secureConnect', resolve));
        const peer = tak.client.getPeerX509Certificate();
        if (!peer.verify(caCert.publicKey) || !peer.checkHost('localhost')) fail(`${name}: server certificate not from ca.pem`);
        await new Promise((resolve) => (tak.open ? resolve() : tak.once('ping', resolve)));
        tak.received = [];
        tak.on('cot', (cot) => tak.received.push(cot));
        return tak;
    };
    const alice = await connect('alice');
    const bob = await connect('bob');
    ok('tls: node-tak clients with vigil-issued certificates connected; server answered their pings');
    const until = (tak, pred, what) => new Promise((resolve) => {
        const timer = setTimeout(() => fail(`tls: no ${what}`), 10_000);
        const check = () => { const hit = tak.received.find(pred); if (hit) { clearTimeout(timer); resolve(hit); } else setTimeout(check, 20); };
        check();
    });
    alice.write([position('node-tls-A', 'node-tls', 50.1)]);
    bob.write([position('node-tls-B', 'node-tls', 50.2)]);
    await until(bob, (c) => attrs(c).uid === 'node-tls-A', "alice's event at bob");
    await until(alice, (c) => attrs(c).uid === 'node-tls-B', "bob's event at alice");
    alice.write([position('node-tls-A', 'node-tls', 50.3)]);
    await until(bob, (c) => attrs(c).uid === 'node-tls-A' && lat(c) === 50.3, "alice's live event at bob");
    ok('tls: node-tak alice and bob exchange events over mutual TLS');
    alice.destroy(); bob.destroy();
}

// 4. Golden samples: what Vigil re-encodes from node-cot's bytes decodes in node-cot to the same event
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

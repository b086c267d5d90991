// Produces Paillier test vectors with paillier-bigint (independent implementation) for CipherChart.
// Usage: node make_vectors.mjs key.json > vectors-paillier-bigint.json
import * as paillier from 'paillier-bigint';
import { readFileSync } from 'fs';
import { createHash } from 'crypto';
const key = JSON.parse(readFileSync(process.argv[2]));
const n = BigInt(key.n), p = BigInt(key.p), q = BigInt(key.q);
const n2 = n * n;
const g = n + 1n; // CipherChart uses g = n + 1 ("PAI-GN1")
const pub = new paillier.PublicKey(n, g);
const lambda = (p - 1n) * (q - 1n);
const modPow = (b, e, m) => { let r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; } return r; };
const modInv = (a, m) => { let [o, r] = [a % m, m], [s, t] = [1n, 0n]; while (r) { const k = o / r; [o, r] = [r, o - k * r]; [s, t] = [t, s - k * t]; } return ((s % m) + m) % m; };
const L = x => (x - 1n) / n;
const mu = modInv(L(modPow(g, lambda, n2)), n);
const priv = new paillier.PrivateKey(lambda, mu, pub, p, q);
// Deterministic r values (SHA-256 of a label, reduced mod n): these are test nonces only.
const rFor = i => BigInt('0x' + createHash('sha512').update('cipherchart-vector-r-' + i).digest('hex') + createHash('sha512').update('more-' + i).digest('hex')) % n;
const values = [0n, 1n, 42n, 123456789n, n - 1n /* -1 */, n - 1000n /* -1000 */, n / 3n];
const encryptions = values.map((m, i) => { const r = rFor(i); const c = pub.encrypt(m, r); if (priv.decrypt(c) !== m) throw new Error('self-check'); return { m: m.toString(), r: r.toString(), c: c.toString() }; });
// Homomorphic vectors: c1·c2 (addition) and c^k (multiplication by a plaintext).
const c1 = BigInt(encryptions[2].c), c2 = BigInt(encryptions[3].c);
const sum = pub.addition(c1, c2);
const scaled = pub.multiply(c2, 1000n);
// Ciphertexts encrypted with paillier-bigint's own random r (not exported): decryption-only vectors.
const randomOnes = [7n, 99999n].map(m => ({ m: m.toString(), c: pub.encrypt(m).toString() }));
console.log(JSON.stringify({
  source: 'paillier-bigint 3.4.3 (npm), Node ' + process.version + ', generated ' + new Date().toISOString().slice(0, 10),
  note: 'TEST key tests/data/paillier/test-key-2048.json; g = n + 1; residues m are mod n (n - 1 is -1)',
  n: n.toString(),
  encryptions,
  addition: { c1: c1.toString(), c2: c2.toString(), c: sum.toString(), m: (BigInt(encryptions[2].m) + BigInt(encryptions[3].m)).toString() },
  multiply: { c: c2.toString(), k: '1000', result: scaled.toString(), m: (BigInt(encryptions[3].m) * 1000n).toString() },
  decryptOnly: randomOnes,
}, null, 1));

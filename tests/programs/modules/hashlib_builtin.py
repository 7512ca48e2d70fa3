# hashlib's built-in algorithms (_md5, _sha1, _sha2, _sha3, _blake2): digests across block
# boundaries, copies, SHAKE lengths, BLAKE2 parameters, errors.
import hashlib, _md5, _sha1, _sha3, _blake2, _sha2
msgs = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'a' * 127, b'a' * 128, b'a' * 129, bytes(range(256)) * 5]
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s']:
    for m in msgs:
        h = hashlib.new(name, m)
        print(name, len(m), h.hexdigest(), h.name, h.digest_size, h.block_size)
    h = hashlib.new(name); h.update(b'x' * 100); c = h.copy(); h.update(b'y'); print(c.hexdigest()[:16], h.hexdigest()[:16])
for name in ['shake_128', 'shake_256']:
    for m in msgs:
        h = hashlib.new(name, m)
        print(name, len(m), h.hexdigest(10), h.digest(200).hex()[-20:], h.name, h.digest_size, h.block_size)
print(_sha3.sha3_224()._capacity_bits, _sha3.sha3_224()._rate_bits, _sha3.shake_256()._suffix, _sha3.shake_128()._rate_bits)
for kw in [dict(digest_size=20), dict(key=b'secret'), dict(salt=b'salty', person=b'me'), dict(fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=32, last_node=True), dict(key=b'k'*64, digest_size=64)]:
    print(hashlib.blake2b(b'data', **kw).hexdigest(), hashlib.blake2s(b'data', **{k: (v[:8] if isinstance(v, bytes) else min(v, 32) if k in ('digest_size', 'inner_size') else v) for k, v in kw.items()}).hexdigest())
print(hashlib.blake2b(b'x' * 128, key=b'k').hexdigest()[:20], hashlib.blake2s(b'x' * 64, key=b'k').hexdigest()[:20])
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.md5(b'x', usedforsecurity=False).hexdigest(), hashlib.sha256(string=b'x').hexdigest()[:10])
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(_sha2.sha256, 'str'); t(_md5.md5, 5); t(_sha1.sha1().update, 'x'); t(_sha3.shake_128(b'x').digest); t(_sha3.shake_128(b'x').digest, -1); t(hashlib.new, 'nope')
t(_blake2.blake2b, digest_size=0); t(_blake2.blake2b, key=b'x' * 65); t(_blake2.blake2s, salt=b'x' * 9); t(_blake2.blake2b, fanout=256); t(_blake2.blake2b, inner_size=65)
t(_blake2.blake2s, node_offset=2**48); t(_blake2.blake2b, leaf_size=-1); t(_blake2.blake2b, depth=0)
print(repr(_md5.md5()).split(' ')[0], type(_sha3.sha3_256()).__name__, _blake2.blake2b.__module__, type(_sha2.sha256()).__name__)
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE, _blake2.blake2b.PERSON_SIZE)
import io
print(hashlib.file_digest(io.BytesIO(b'file data'), 'sha1').hexdigest())

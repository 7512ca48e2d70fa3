# binascii (base64, hex, uu, quoted-printable, CRCs) and what is built on it: base64, the
# hex/base64/quopri/uu codecs.
import binascii as b
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(b.b2a_base64, b'hello'); t(b.b2a_base64, b'hello', newline=False); t(b.b2a_base64, b''); t(b.b2a_base64, b'\xff\xfe\x00')
t(b.a2b_base64, b'aGVsbG8=\n'); t(b.a2b_base64, 'aGVsbG8='); t(b.a2b_base64, b'aGVsbG8'); t(b.a2b_base64, b'aGVsb')
t(b.a2b_base64, b'aGV sbG8=!!'); t(b.a2b_base64, b'aGVsbG8===='); t(b.a2b_base64, b'aG=VsbG8'); t(b.a2b_base64, b'')
t(b.a2b_base64, b'aGVsbG8=', strict_mode=True); t(b.a2b_base64, b'aGV sbG8=', strict_mode=True); t(b.a2b_base64, b'=aGVs', strict_mode=True)
t(b.a2b_base64, b'aGVsbG8=a', strict_mode=True); t(b.a2b_base64, b'aG=VsbG8', strict_mode=True); t(b.a2b_base64, b'aGVsbA==', strict_mode=True); t(b.a2b_base64, b'aGVsbA=', strict_mode=False)
t(b.a2b_base64, 'é'); t(b.a2b_base64, 5)
t(b.hexlify, b'\x01\xab'); t(b.b2a_hex, b'\x01\x02\x03', '-', 2); t(b.hexlify, b'\x01\x02\x03', b':', -1); t(b.hexlify, 'x')
t(b.unhexlify, b'01ab'); t(b.a2b_hex, '01AB'); t(b.unhexlify, b'0'); t(b.unhexlify, b'zz'); t(b.unhexlify, 'é1')
t(b.crc32, b'hello'); t(b.crc32, b'hello', 123); t(b.crc32, b''); t(b.crc32, b'world', b.crc32(b'hello')); t(b.crc32, b'x', -1)
t(b.crc_hqx, b'hello', 0); t(b.crc_hqx, b'hello', 0xffff); t(b.crc_hqx, b'', 5)
t(b.b2a_uu, b'hello'); t(b.b2a_uu, b'hello', backtick=True); t(b.b2a_uu, b''); t(b.b2a_uu, b''); t(b.b2a_uu, b'x'*46)
t(b.a2b_uu, b'%:&5L;&\\\n'); t(b.a2b_uu, b' \n'); t(b.a2b_uu, b'`\n'); t(b.a2b_uu, b'')
t(b.b2a_qp, b'hello = world\t\n'); t(b.b2a_qp, b'caf\xe9'); t(b.b2a_qp, b'a b', header=True); t(b.b2a_qp, b'x'*80)
t(b.a2b_qp, b'caf=E9 =\nx'); t(b.a2b_qp, b'a_b', header=True)
print(b.Error.__mro__, b.Incomplete.__mro__)
import base64
print(base64.b64encode(b'data'), base64.b64decode('ZGF0YQ=='), base64.urlsafe_b64encode(b'\xfb\xff'), base64.b32encode(b'abc'), base64.b16decode('6162'), base64.b85encode(b'hi'), base64.a85encode(b'hi'))
import codecs
print(codecs.decode(b'68656c6c6f', 'hex'), codecs.encode(b'hello', 'base64'), codecs.encode(b'hi', 'quopri'), codecs.encode(b'hello', 'uu'))
t(b.b2a_qp, b'line1\r\nline2 \r\n. \n.\n'); t(b.b2a_qp, b'tab\there', quotetabs=True); t(b.b2a_qp, b'a\nb', istext=False)
t(b.b2a_qp, b'=' * 30); t(b.b2a_qp, (b'word ' * 20) + b'\n'); t(b.a2b_qp, b'=41=4=\r\nx=='); t(b.a2b_qp, b'=')
print(base64.b64decode(base64.b64encode(bytes(range(256)))) == bytes(range(256)))
print(base64.encodebytes(b'x' * 60), base64.decodebytes(b'eHh4\n'), base64.standard_b64decode(b'eA=='))
t(base64.b64decode, b'eA', validate=True); t(base64.b64decode, b'e$A=', validate=True); t(base64.b32decode, b'MFRGG==')
import quopri
print(quopri.encodestring(b'caf\xe9 = ok'), quopri.decodestring(b'caf=E9'))

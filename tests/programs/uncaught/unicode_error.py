# uncaught: UnicodeDecodeError's full message as the last stderr line
data = b"valid \xff invalid"
print(data[:5].decode())
print(data.decode("utf-8"))

# uncaught: the last stderr line of an exception with a multi-line message is the message's last line
raise RuntimeError("first line\nsecond line\nthird line")

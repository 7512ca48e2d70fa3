# uncaught: raising SystemExit directly with an int code behaves like sys.exit
print("raising SystemExit(4)")
raise SystemExit(4)

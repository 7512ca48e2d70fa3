# traceback: str(e) has no suggestion; the printed line has
try:
    pritn
except NameError as e:
    print(str(e), e.name)
    raise

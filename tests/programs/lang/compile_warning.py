# The compiler's warnings for the main script go to stderr before it runs, on every run
# (a script that warned is never cached).
x = "\d"
print(len(x), x)

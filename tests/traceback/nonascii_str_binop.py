# traceback: a non-ASCII string operand
"é" + 1

# traceback: spaces around the dot and parentheses
value = 10
result = value . bit_length ( ) + "x"

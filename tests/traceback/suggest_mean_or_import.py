# traceback: a near miss that is also a stdlib module name
sy = 1
sys.argv

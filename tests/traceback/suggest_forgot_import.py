# traceback: a stdlib module name that was not imported
sys.argv

# traceback: an exception group's boxed layout
raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])

# traceback: NameError: the first of equally close globals wins
xy = 1
xz = 2
xa

value_one = 1
def helper(): pass

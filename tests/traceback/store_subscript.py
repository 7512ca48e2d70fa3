# traceback: a failing subscript store
matrix = [[1]]
matrix[0][3] = 5

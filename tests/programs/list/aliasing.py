# list: aliasing of nested lists (shared rows), references through variables, copying grids correctly
row = [0, 0]
grid = [row, row, row]
grid[1][0] = 5
print(grid, row)
g2 = [row[:] for _ in range(3)]
g2[1][1] = 7
print(g2, row)
a = [1, 2]
b = [a, a]
a.append(3)
print(b, b[0] is b[1])
b[0] = b[0] + [4]
print(b, a, b[0] is a, b[1] is a)
c = [[]] * 3
c[0].append("x")
print(c)
d = [[] for _ in range(3)]
d[0].append("x")
print(d)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
x = y
x += [4]
print(x, y)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    lst.append("n")
    return lst
orig = ["o"]
res = mutate(orig)
print(orig, res)
board = [["."] * 3 for _ in range(3)]
board[1][1] = "X"
board[0][2] = "O"
print("\n".join(["".join(r) for r in board]))
deep = [[1, [2]], [3]]
copy1 = [r[:] for r in deep]
copy1[0][1].append(99)
print(deep, copy1)

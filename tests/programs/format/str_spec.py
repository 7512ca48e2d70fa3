# format: format specs on str: fill/align, width, precision truncation, wide chars, and errors for numeric types
for s in ["", "a", "abc", "hello world", "日本語", "🐍x"]:
    print(f"{s:5}|{s:<5}|{s:>5}|{s:^5}|{s:*^6}|{s:.2}|{s:6.2}|{s:>6.1}|{s:.0}|{s:s}|{s:_<8s}|")
print(f"{'x':{'<'}{3}}|", f"{'abc':^2}|", f"{'ab':^5}|", f"{'ab':^6}|", f"{'abc':^6}|", f"{'x':^^5}|", f"{'x':0>4}|")
print(f"{'pad':010}", f"{'pad':<010}", f"{'x':}", format("text", ""), format("text", "10"), format("text", "<3"))
for spec in ["d", "+", " ", "#", ",", "_", "=10", "x", "f", ".2f", "z", "010.2"]:
    try:
        print(repr(spec), repr(format("ab", spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
rows = [("apple", 1.5, 10), ("kiwi", 0.25, 200), ("watermelon", 3.0, 1)]
for name, price, qty in rows:
    print(f"{name:<10.8}|{price:>6.2f}|{qty:^5d}|{price * qty:>8.2f}")
print(f"{'truncate me please':.8}...", f"{'':-^20}", f"{'title':=^20}")

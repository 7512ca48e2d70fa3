print("boom starts")
raise ValueError("boom failed")

print("etjanst")

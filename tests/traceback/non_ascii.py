# traceback: carets count characters, not bytes, on a line with non-ASCII names
données = {"clé": 1}
valeur = données["clé"] + données["é"]

# traceback: AttributeError suggestion on a module
import _suggest_mod
_suggest_mod.value_on

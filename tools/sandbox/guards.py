"""Run-time guards for screened scripts (the RestrictedPython hooks).

The static screen sees only names written in the source; these guards see the objects
that attribute access, imports and printing actually reach, so computed detours
(``m = cq.occ_impl; m.exporters``) are refused too.
"""

from __future__ import annotations

import collections
import importlib
import operator
import types
from types import MappingProxyType

try:
    import numpy as _np
except ImportError:  # pragma: no cover - numpy is a dependency
    _np = None

from RestrictedPython import safe_builtins
from RestrictedPython.Eval import default_guarded_getitem, default_guarded_getiter
from RestrictedPython.Guards import guarded_iter_unpack_sequence, guarded_unpack_sequence

from .screen import ALLOWED_MODULES, FORBIDDEN_ATTRIBUTES, FORBIDDEN_NAMES, module_allowed


class RefusedError(Exception):
    """A script tried something the sandbox does not allow (reported as 'refused')."""


class OutputLimitError(Exception):
    """A script printed more than the output cap."""


def guarded_getattr(obj, name, default=None, *args):
    if not isinstance(name, str) or name.startswith("_"):
        raise RefusedError(f"attribute '{name}' is not allowed: names starting with '_' are private")
    reason = FORBIDDEN_ATTRIBUTES.get(name)
    if reason:
        raise RefusedError(f"attribute '.{name}' is not allowed: {reason}")
    value = getattr(obj, name, default) if args or default is not None else getattr(obj, name)
    if isinstance(value, types.ModuleType) and not module_allowed(value.__name__):
        raise RefusedError(f"module '{value.__name__}' (reached as .{name}) is not allowed in scripts")
    if isinstance(obj, types.ModuleType) and isinstance(value, _CODE_TYPES):
        origin = getattr(value, "__module__", None)
        if isinstance(origin, str) and not _origin_allowed(origin):
            raise RefusedError(f"'.{name}' comes from the module '{origin}', which scripts may not use "
                               "directly; use the CadQuery API (cq.Workplane, cq.Solid, ...)")
    if (isinstance(obj, types.ModuleType) or (isinstance(obj, type) and not _made_by_script(obj))) \
            and type(value) in _CONTAINERS:
        return _read_only(value)  # a library's registry or table: read it, never change it
    return value


def _read_only(value):
    if isinstance(value, dict):
        return MappingProxyType(value)
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    return tuple(value)


_CODE_TYPES = (type, types.FunctionType, types.BuiltinFunctionType)


def _origin_allowed(origin: str) -> bool:
    top = origin.split(".")[0]
    return top == "builtins" or top.lstrip("_") in ALLOWED_MODULES or top.startswith("_collections")


def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level:
        raise RefusedError("relative imports are not allowed in scripts")
    if not module_allowed(name):
        raise RefusedError(f"module '{name}' is not allowed in scripts "
                           f"(allowed: {', '.join(sorted(ALLOWED_MODULES))})")
    module = importlib.import_module(name)
    for item in fromlist or ():
        if item == "*":
            raise RefusedError(f"'from {name} import *' is not allowed; import the names you use")
        if module_allowed(f"{name}.{item}"):
            continue
        if not hasattr(module, item):
            raise RefusedError(f"module '{name}.{item}' is not allowed in scripts")
        guarded_getattr(module, item)
    if fromlist:
        return module
    return importlib.import_module(name.split(".")[0])


class CappedPrint:
    """RestrictedPython's print collector, with a byte cap shared by the whole job."""

    def __init__(self, sink: list[str], cap_bytes: int) -> None:
        self._sink = sink
        self._cap = cap_bytes

    def factory(self, _getattr=None):
        return self

    def _call_print(self, *objects, **kwargs):
        sep = kwargs.get("sep", " ")
        end = kwargs.get("end", "\n")
        text = (sep if sep is not None else " ").join(str(o) for o in objects)
        text += end if end is not None else "\n"
        used = sum(len(s) for s in self._sink)
        if used + len(text) > self._cap:
            room = max(self._cap - used, 0)
            self._sink.append(text[:room])
            raise OutputLimitError(
                f"the script printed more than {self._cap // 1024} KiB; print less (or nothing)")
        self._sink.append(text)

    def __call__(self):  # the 'printed' variable
        return "".join(self._sink)


_INPLACE = {"+=": operator.iadd, "-=": operator.isub, "*=": operator.imul, "/=": operator.itruediv,
            "//=": operator.ifloordiv, "%=": operator.imod, "**=": operator.ipow,
            "<<=": operator.ilshift, ">>=": operator.irshift, "&=": operator.iand,
            "|=": operator.ior, "^=": operator.ixor, "@=": operator.imatmul}


def _inplacevar(op: str, x, y):
    if op not in _INPLACE:
        raise RefusedError(f"in-place operator {op} is not supported")
    return _INPLACE[op](x, y)


SCRIPT_MODULE = "__cadquery_script__"  # the script's __name__: its classes carry it
_CONTAINERS = (list, dict, set, bytearray, collections.deque)


def _made_by_script(cls: type) -> bool:
    return cls.__dict__.get("__module__") == SCRIPT_MODULE if isinstance(cls, type) else False


class _ItemsOnly:
    """What ``_write_`` hands back for a numpy array: items may change, attributes
    (``strides``, ``data``, ``shape`` ...) may not."""

    __slots__ = ("_target",)

    def __init__(self, target) -> None:
        object.__setattr__(self, "_target", target)

    def __setitem__(self, key, value) -> None:
        self._target[key] = value

    def __delitem__(self, key) -> None:
        del self._target[key]

    def __setattr__(self, name, value) -> None:
        raise RefusedError(f"scripts may not set attributes of a numpy array ('.{name}'); "
                           "make a new array instead")

    __delattr__ = __setattr__


def _write(obj):
    """Writes (``x.a = v``, ``x[k] = v``, ``del``) only to what the script made itself: its own
    classes and their instances, and plain containers. Never a module, a class it did not
    define (every CadQuery / OCP / numpy class) or an instance of one."""
    if isinstance(obj, types.ModuleType):
        raise RefusedError(f"scripts may not modify the module '{obj.__name__}'")
    if isinstance(obj, type):
        if _made_by_script(obj):
            return obj
        raise RefusedError(f"scripts may not modify the class '{obj.__name__}' (only classes the "
                           "script defines itself)")
    if _made_by_script(type(obj)):
        return obj
    if type(obj) in _CONTAINERS or isinstance(obj, (collections.Counter, collections.OrderedDict,
                                                    collections.defaultdict)):
        return obj
    if _np is not None and type(obj) is _np.ndarray:
        return _ItemsOnly(obj)
    raise RefusedError(f"scripts may not modify a {type(obj).__name__} object they did not define "
                       "(change your own variables, lists and dicts instead)")


_EXTRA_BUILTINS = {
    name: getattr(__import__("builtins"), name)
    for name in ("min", "max", "sum", "any", "all", "enumerate", "zip", "map", "filter", "sorted",
                 "reversed", "list", "dict", "set", "frozenset", "tuple", "iter", "next",
                 "isinstance", "StopIteration", "RecursionError", "bytes", "hasattr")
}


def restricted_globals(stdout_sink: list[str], output_cap_bytes: int) -> dict:
    """The globals a screened script runs with."""
    builtins = {k: v for k, v in safe_builtins.items() if k not in FORBIDDEN_NAMES}
    builtins.update(_EXTRA_BUILTINS)
    builtins["__import__"] = guarded_import
    builtins["_getattr_"] = guarded_getattr
    printer = CappedPrint(stdout_sink, output_cap_bytes)
    return {
        "__builtins__": builtins,
        "__name__": "__cadquery_script__",
        "__metaclass__": type,
        "_getattr_": guarded_getattr,
        "_getitem_": default_guarded_getitem,
        "_getiter_": default_guarded_getiter,
        "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
        "_unpack_sequence_": guarded_unpack_sequence,
        "_write_": _write,
        "_inplacevar_": _inplacevar,
        "_print_": printer.factory,
    }

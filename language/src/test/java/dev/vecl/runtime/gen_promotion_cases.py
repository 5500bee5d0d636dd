# Generates PromotionCases.java: NumPy 2.4 result dtypes of element-wise operators (or the error kind).
import numpy as np, warnings
warnings.simplefilter('ignore')
dts = ['float64', 'float32', 'int64', 'int32', 'bool']
ops = {'add': np.add, 'sub': np.subtract, 'mul': np.multiply, 'truediv': np.true_divide, 'floordiv': np.floor_divide,
       'mod': np.remainder, 'pow': np.power, 'and': np.bitwise_and, 'or': np.bitwise_or, 'xor': np.bitwise_xor,
       'lshift': np.left_shift, 'rshift': np.right_shift, 'lt': np.less, 'eq': np.equal, 'minimum': np.minimum}
scalars = {'True': True, '1': 1, '2.5': 2.5, '1099511627776': 2**40, 'float32(1)': np.float32(1)}
lines = []
def res(f, a, b):
    try:
        r = f(a, b)
        return r.dtype.name
    except OverflowError: return 'OverflowError'
    except TypeError: return 'TypeError'
    except ValueError: return 'ValueError'
for op, f in ops.items():
    for x in dts:
        a = np.ones(2, dtype=x)
        for y in dts:
            lines.append(f'{op} {x} {y} {res(f, a, np.ones(2, dtype=y))}')
        for s, v in scalars.items():
            lines.append(f'{op} {x} {s} {res(f, a, v)}')
            lines.append(f'{op} {s} {x} {res(f, v, a)}')
src = ['package dev.vecl.runtime;', '', '/** Generated (gen_promotion_cases.py): "op left right numpy-result" with NumPy 2.4. */',
       'final class PromotionCases {', '    private PromotionCases() {', '    }', '', '    static final String CASES = """']
src += lines
src += ['""";', '}']
open('/work/main/language/src/test/java/dev/vecl/runtime/PromotionCases.java', 'w').write('\n'.join(src) + '\n')
print(len(lines))

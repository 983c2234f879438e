"""Korean for exercise 4's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

_CSV_PICKLE = ("DataLoader 워커는 데이터셋을 pickle된 복사본으로 받을 수 있습니다: self에는 단순한 데이터(경로, 행의 텍스트, "
               "열 위치)만 두고 열린 파일, csv reader, 제너레이터, 람다는 두지 마세요. 파일은 읽는 곳에서 with 블록으로 여세요")
_NPY_PICKLE = ("DataLoader 워커는 데이터셋을 pickle된 복사본으로 받을 수 있습니다: self에는 단순한 데이터(root, classes, "
               "samples)만 두고 열린 파일, 제너레이터, 람다는 두지 마세요")

CATALOG: dict[str, str] = {
    # what a value is (the suite's _what_is)
    "a {dtype:w} tensor of shape {shape}": "모양이 {shape}인 {dtype} 텐서",
    "a NumPy array ({dtype:w}, shape {shape})": "NumPy 배열 ({dtype}, 모양 {shape})",
    "a Python {name:w} ({value})": "Python {name} ({value})",
    "a {name:w} ({value})": "{name} ({value})",
    # what was run (contexts)
    "building a {name:w}": "{name} 생성",
    "CSVDataset(path, feature_columns={columns}, label_column='label')":
        "CSVDataset(path, feature_columns={columns}, label_column='label')",
    "CSVDataset(path, feature_columns={columns}, label_column='label', transform=..., target_transform=...)":
        "CSVDataset(path, feature_columns={columns}, label_column='label', transform=..., target_transform=...)",
    "CSVDataset({args:c}) and reading its items": "CSVDataset({args})를 만들고 항목 읽기",
    "CSVDataset({args:c}) and reading items": "CSVDataset({args})를 만들고 항목 읽기",
    "NpyFolderDataset(root, transform=...) and reading items": "NpyFolderDataset(root, transform=...)를 만들고 항목 읽기",
    "{call:c}, pickled and unpickled": "{call}의 pickle과 unpickle",
    "iterating DataLoader({inner}, batch_size={size:n}, num_workers={workers:n})": "DataLoader({inner}, batch_size={size}, num_workers={workers}) 순회",
    "CSVDataset with {rows:n} rows, read at indices {a:n}, {b:n} and {c:n}":
        "행이 {rows}개인 CSVDataset을 인덱스 {a}, {b}, {c}로 읽기",
    "CSVDataset with {rows:n} rows, read at indices {a:n}, {b:n}, {c:n}, {d:n}, {e:n} and {f:n}":
        "행이 {rows}개인 CSVDataset을 인덱스 {a}, {b}, {c}, {d}, {e}, {f}로 읽기",
    "NpyFolderDataset with {size:n} samples, read at indices {a:n}, {b:n}, {c:n}, {d:n}, {e:n} and {f:n}":
        "샘플이 {size}개인 NpyFolderDataset을 인덱스 {a}, {b}, {c}, {d}, {e}, {f}로 읽기",
    "NpyFolderDataset(root) on a folder with the classes {classes}": "클래스 폴더가 {classes}인 폴더에 대한 NpyFolderDataset(root)",
    "NpyFolderDataset(root) on a folder that also holds notes.txt, labels.npy, ant/readme.txt and mole/x_3.npy.bak":
        "notes.txt, labels.npy, ant/readme.txt, mole/x_3.npy.bak도 들어 있는 폴더에 대한 NpyFolderDataset(root)",
    "NpyFolderDataset(root)": "NpyFolderDataset(root)",
    "NpyFolderDataset(root)[i]": "NpyFolderDataset(root)[i]",
    "Compose([{transforms}])({x:w})": "Compose([{transforms}])({x})",
    "Compose([add_one, double, square])(x), called a second time": "두 번째로 호출한 Compose([add_one, double, square])(x)",
    "Normalize({args:c})(x)": "Normalize({args})(x)",
    "Normalize({args:c})(x) for x of shape {shape}": "모양이 {shape}인 x에 대한 Normalize({args})(x)",
    # what was compared
    "len() of a CSV file with a header and {rows:n} rows that ends with a newline":
        "헤더와 데이터 {rows}행이 있고 줄바꿈으로 끝나는 CSV 파일의 len()",
    "len() of a CSV file with a header and {rows:n} rows that has no newline after its last row":
        "헤더와 데이터 {rows}행이 있고 마지막 행 뒤에 줄바꿈이 없는 CSV 파일의 len()",
    "the features tensor of dataset[{index:n}]": "dataset[{index}]의 특성(features) 텐서",
    "the features of the {rows:n} rows (one row per line) with feature_columns={columns}":
        "feature_columns={columns}일 때 {rows}개 행의 특성 (한 줄에 한 행)",
    "the label tensor of dataset[{index:n}]": "dataset[{index}]의 레이블 텐서",
    "the labels of the {rows:n} rows (label_column='label', the header's third column)":
        "{rows}개 행의 레이블 (label_column='label', 헤더의 세 번째 열)",
    "what dataset[{index:n}] passed to {name:w}": "dataset[{index}]에서 {name}에 넘긴 값",
    "the number of {name:w} calls during {owner:w}.__init__": "{owner}.__init__ 중 {name} 호출 횟수",
    "what dataset[{index:n}] raised for a dataset of {size:n} items": "항목이 {size}개인 데이터셋의 dataset[{index}]에서 난 예외",
    "the number of items `for item in {name:w}` gave (stopped after {limit:n})":
        "`for item in {name}`에서 나온 항목 수 ({limit}개에서 멈춤)",
    "the number of batches from DataLoader({inner}, batch_size={size:n}, num_workers={workers:n})": "DataLoader({inner}, batch_size={size}, num_workers={workers})의 배치 수",
    "the {part:t} of batch {number:n} from DataLoader({inner}, batch_size={size:n}, num_workers={workers:n}), compared with the same items read in the main process":
        "DataLoader({inner}, batch_size={size}, num_workers={workers})에서 나온 배치 {number}의 {part} (같은 항목을 메인 프로세스에서 읽은 값과 비교)",
    "the {part:t} of batch {number:n} from DataLoader({inner}, batch_size={size:n}, num_workers={workers:n})": "DataLoader({inner}, batch_size={size}, num_workers={workers})에서 나온 배치 {number}의 {part}",
    "features": "특성(features)",
    "labels": "레이블",
    "tensors": "텐서",
    "class indices": "클래스 인덱스",
    "`samples` as (path relative to root, class index), root given as a str":
        "`samples` ((root 기준 상대 경로, 클래스 인덱스) 쌍, root는 str)",
    "`samples` as (path relative to root, class index), root given as a pathlib.Path":
        "`samples` ((root 기준 상대 경로, 클래스 인덱스) 쌍, root는 pathlib.Path)",
    "`samples` as (path relative to root, class index), root given as a pathlib.Path, with stray files that are not "
    ".npy samples":
        "`samples` ((root 기준 상대 경로, 클래스 인덱스) 쌍, root는 pathlib.Path, .npy 샘플이 아닌 파일도 있는 폴더)",
    "len(dataset)": "len(dataset)",
    "the sorted `classes` when root also holds the files notes.txt and labels.npy":
        "root에 notes.txt와 labels.npy 파일도 있을 때 정렬한 `classes`",
    "dataset[{index:n}]": "dataset[{index}]",
    "dataset[{index:n}] ({path})": "dataset[{index}] ({path})",
    "the tensor of dataset[{index:n}] ({path})": "dataset[{index}] ({path})의 텐서",
    "the class index of dataset[{index:n}] ({path})": "dataset[{index}] ({path})의 클래스 인덱스",
    "the .npy files dataset[{index:n}] opened": "dataset[{index}]에서 연 .npy 파일",
    "what NpyFolderDataset on a root that does not exist raised": "없는 root로 만든 NpyFolderDataset이 일으킨 예외",
    "the order Compose([add_one, double, square]) called its transforms":
        "Compose([add_one, double, square])의 변환 호출 순서",
    # whole messages
    "`{name:w}` must subclass `torch.utils.data.Dataset` (class {name2:w}(Dataset): ...)":
        "`{name}`: `torch.utils.data.Dataset`을 상속해야 합니다 (class {name2}(Dataset): ...)",
    "{what:t} returned a {kind:w}; expected a pair {parts}: `return {names:c}`":
        "{what}: {kind}을(를) 반환했습니다. {parts} 쌍이어야 합니다: `return {names}`",
    "{what:t} returned a {kind:w} of length {length:n}; expected a pair {parts}: `return {names:c}`":
        "{what}: 길이가 {length}인 {kind}을(를) 반환했습니다. {parts} 쌍이어야 합니다: `return {names}`",
    "{what:t} is {got:t}, expected {want:t}: {hint:t}": "{what}: {got}입니다. {want}여야 합니다: {hint}",
    "{what:t} has dtype {got:w}, expected {want:w}: {hint:t}": "{what}: dtype이 {got}입니다. {want}여야 합니다: {hint}",
    "{what:t} has shape {got}, expected {want}: {hint:t}": "{what}: 모양이 {got}입니다. 기댓값은 {want}입니다: {hint}",
    "dataset[{index:n}] with a {name:w} called it never, expected exactly once. {hint:t}":
        "dataset[{index}]: {name}을(를) 한 번도 호출하지 않았습니다. 정확히 한 번 호출해야 합니다. {hint}",
    "dataset[{index:n}] with a {name:w} called it {count:n} times, expected exactly once. {hint:t}":
        "dataset[{index}]: {name}을(를) {count}번 호출했습니다. 정확히 한 번 호출해야 합니다. {hint}",
    "dataset[{index:n}] with a {name:w} called it never, expected exactly once":
        "dataset[{index}]: {name}을(를) 한 번도 호출하지 않았습니다. 정확히 한 번 호출해야 합니다",
    "dataset[{index:n}] with a {name:w} called it {count:n} times, expected exactly once":
        "dataset[{index}]: {name}을(를) {count}번 호출했습니다. 정확히 한 번 호출해야 합니다",
    "dataset[{last:n}], the last row of a file without a newline at its end, differs from the same row in a file that "
    "ends with one: read the last line like any other row (do not cut its last character)":
        "줄바꿈 없이 끝나는 파일의 마지막 행 dataset[{last}]: 줄바꿈으로 끝나는 파일의 같은 행과 다릅니다. 마지막 줄도 "
        "다른 행처럼 읽으세요 (마지막 글자를 잘라 내지 마세요)",
    "the features {where} returned are not transform(features): return what transform returned":
        "{where}에서 반환한 특성이 transform(features)가 아닙니다: transform이 반환한 값을 반환하세요",
    "the label {where} returned is not target_transform(label): return what target_transform returned":
        "{where}에서 반환한 레이블이 target_transform(label)이 아닙니다: target_transform이 반환한 값을 반환하세요",
    "the tensor {where} returned is not transform(tensor): return what transform returned":
        "{where}에서 반환한 텐서가 transform(tensor)가 아닙니다: transform이 반환한 값을 반환하세요",
    "CSVDataset.__init__ built tensors ({made}): keep the rows as text or plain Python values in __init__ and build "
    "each item's tensors in __getitem__":
        "CSVDataset.__init__에서 텐서를 만들었습니다 ({made}): __init__에서는 행을 텍스트나 일반 Python 값으로 두고, "
        "각 항목의 텐서는 __getitem__에서 만드세요",
    "after __init__, {kept} holds tensors: keep the rows as text or plain Python values and build each item's tensors "
    "in __getitem__":
        "__init__ 이후 {kept}에 텐서가 들어 있습니다: 행은 텍스트나 일반 Python 값으로 두고, 각 항목의 텐서는 "
        "__getitem__에서 만드세요",
    "{name:w}[{index:n}] differs from {name2:w}[{other:n}] for a dataset of {size:n} items: negative indices count "
    "from the end, as for a list (indexing {container:t} does this for you)":
        "항목이 {size}개인 데이터셋에서 {name}[{index}]의 항목이 {name2}[{other}]의 항목과 다릅니다: 음수 인덱스는 리스트처럼 "
        "끝에서부터 셉니다 ({container}를 인덱싱하면 저절로 됩니다)",
    "a list of rows": "행 리스트",
    "self.samples": "self.samples",
    "{name:w}[{index:n}] returned an item, but the dataset has {size:n} items: raise IndexError (indexing a list "
    "does; do not wrap around with %)":
        "데이터셋의 항목은 {size}개인데 {name}[{index}]에서 항목이 반환되었습니다: IndexError를 일으키세요 (리스트 "
        "인덱싱이 그렇게 합니다. %로 감아 돌리지 마세요)",
    # the generic "{what} raised {error}" sentence takes the whole message; its error part ends with this hint
    "{kind:e}: {message:a}. Iteration calls dataset[0], dataset[1], ... until IndexError":
        "{kind}: {message}. 반복(iteration)은 IndexError가 날 때까지 dataset[0], dataset[1], ...을 호출합니다",
    "`for item in {name:w}` raised {kind:e}: {message:a}. Iteration calls dataset[0], dataset[1], ... until IndexError":
        "`for item in {name}`에서 {kind} 예외가 났습니다: {message}. 반복(iteration)은 IndexError가 날 때까지 "
        "dataset[0], dataset[1], ...을 호출합니다",
    "{what:t} raised nothing (neither in __init__ nor at dataset[0]): check every name against the header in "
    "__init__ and raise KeyError(f'no column {name!r}')":
        "{what}: 예외가 나지 않았습니다 (__init__에서도, dataset[0]에서도). __init__에서 모든 이름을 헤더와 "
        "대조하고 KeyError(f'no column {{name!r}}')를 일으키세요",
    "{what:t} raised {kind:e} ({message:a}), expected KeyError or ValueError: check every name against the header in "
    "__init__":
        "{what}: {kind} ({message}) 예외가 났습니다. KeyError나 ValueError여야 합니다: __init__에서 모든 이름을 헤더와 "
        "대조하세요",
    "{what:t} raised {kind:e}({message:a}), whose message does not name the column {column}: put the missing name "
    "in the message":
        "{what}: {kind}({message}) 예외가 났지만, 메시지에 열 이름 {column}이(가) 없습니다: 빠진 이름을 메시지에 넣으세요",
    "CSVDataset with feature_columns containing {column}, which the header lacks,":
        "feature_columns에 헤더에 없는 열 {column}이(가) 들어 있는 CSVDataset",
    "CSVDataset with label_column={column}, which the header lacks,": "label_column={column}(헤더에 없는 열)인 CSVDataset",
    "batch {number:n} of {loader:c} is not a pair ({first:t}, {second:t}): __getitem__ must return a pair":
        "{loader}의 배치 {number}: ({first}, {second}) 쌍이 아닙니다. __getitem__은 쌍을 반환해야 합니다",
    "pickle.dumps({label:c}) failed with {kind:e}: {message:a}. {hint:t}": "pickle.dumps({label}) 실패: {kind}: {message}. {hint}",
    "pickle.dumps({label:c}) failed with {kind:e}. {hint:t}": "pickle.dumps({label}) 실패: {kind}. {hint}",
    "a pickled and unpickled {label:c} gives other items than the original: keep everything __getitem__ needs on self":
        "pickle했다가 unpickle한 {label}의 항목이 원본과 다릅니다: __getitem__에 필요한 것은 모두 self에 두세요",
    "`samples` holds {bad}, expected (path, class_index) pairs": "`samples`에 {bad}이(가) 있습니다. (path, class_index) 쌍이어야 합니다",
    "{what:t} has entries that are not .npy files of a class folder: {extra}. One (path, class_index) per .npy file of "
    "each class folder (glob('*.npy'))":
        "{what}: 클래스 폴더의 .npy 파일이 아닌 항목이 있습니다: {extra}. 각 클래스 폴더의 .npy 파일마다 "
        "(path, class_index) 하나씩이어야 합니다 (glob('*.npy'))",
    "{what:t} lacks {count:n} of the {total:n} .npy files, e.g. {examples}. One (path, class_index) per .npy file of "
    "each class folder, the path under root (root / class / name)":
        "{what}: .npy 파일 {total}개 중 {count}개가 빠졌습니다. 예: {examples}. 각 클래스 폴더의 .npy 파일마다 "
        "(path, class_index) 하나씩, 경로는 root 아래의 경로(root / class / name)여야 합니다",
    "`classes` holds {files}, plain files beside the class folders: only folders are classes (skip entries that are "
    "not entry.is_dir())":
        "`classes`에 클래스 폴더 옆의 일반 파일 {files}이(가) 있습니다: 폴더만 클래스입니다 (entry.is_dir()이 아닌 "
        "항목은 건너뛰세요)",
    "the class index of {where:t} is {got:t}, expected a Python int: return it as stored in samples (an int), not as "
    "a tensor or NumPy number":
        "{where}의 클래스 인덱스: {got}입니다. Python int여야 합니다: 텐서나 NumPy 숫자로 바꾸지 말고 samples에 "
        "저장된 그대로(int) 반환하세요",
    "NpyFolderDataset.__init__ opened {count:n} .npy file(s) ({files}): list the files in __init__ and load each in "
    "__getitem__":
        "NpyFolderDataset.__init__에서 .npy 파일 {count}개를 열었습니다 ({files}): __init__에서는 파일 목록만 만들고, "
        "각 파일은 __getitem__에서 읽으세요",
    "the files changed after the dataset was built, but {where} returned the old array of {sample}: keep only paths "
    "in __init__ and load the file with np.load in __getitem__":
        "데이터셋을 만든 뒤 파일이 바뀌었는데, {where}에서 {sample}의 예전 배열이 반환되었습니다: __init__에는 경로만 "
        "두고, 파일은 __getitem__에서 np.load로 읽으세요",
    "the files changed after the dataset was built, and {where} does not match the new content of {sample}: load it "
    "in __getitem__":
        "데이터셋을 만든 뒤 파일이 바뀌었는데, {where}의 결과가 {sample}의 새 내용과 맞지 않습니다: __getitem__에서 읽으세요",
    "{where}, read a second time, opened no file: load the array on every access (np.load in __getitem__) instead of "
    "keeping it in memory":
        "{where}: 두 번째로 읽을 때 파일을 열지 않았습니다: 배열을 메모리에 두지 말고 접근할 때마다 읽으세요 "
        "(__getitem__에서 np.load)",
    "NpyFolderDataset on a root that does not exist raised nothing: check that root is a folder and raise "
    "FileNotFoundError (glob on a missing folder just finds nothing)":
        "없는 root로 만든 NpyFolderDataset에서 예외가 나지 않았습니다: root가 폴더인지 확인하고 FileNotFoundError를 "
        "일으키세요 (없는 폴더에 glob을 하면 그냥 아무것도 찾지 못합니다)",
    "Compose([{transforms}])({x:w}) returned {got:t}: {hint:t}": "Compose([{transforms}])({x}): {got}을(를) 반환했습니다: {hint}",
    "Compose([add_one, double, square])(x), called a second time returned {got:t}: {hint:t}":
        "두 번째로 호출한 Compose([add_one, double, square])(x): {got}을(를) 반환했습니다: {hint}",
    "{call:c}(x) changed x in place: compute (x - self.mean) / self.std into a new tensor":
        "{call}(x): x를 제자리(in-place)에서 바꿨습니다: (x - self.mean) / self.std를 새 텐서로 계산하세요",
    # hints
    "DataLoader workers may receive the dataset pickled: keep only plain data on self (the path, the rows' text, the "
    "column positions), no open files, csv readers, generators or lambdas; open the file where you read it, in a with "
    "block": _CSV_PICKLE,
    "DataLoader workers may receive the dataset pickled: keep only plain data on self (the root, classes, samples), no "
    "open files, generators or lambdas": _NPY_PICKLE,
    "build it with torch.tensor([float(row[c]) for c in feature_columns], dtype=torch.float32)":
        "torch.tensor([float(row[c]) for c in feature_columns], dtype=torch.float32)로 만드세요",
    "build it with torch.tensor(int(row[label_column]), dtype=torch.int64), a 0-d tensor":
        "torch.tensor(int(row[label_column]), dtype=torch.int64)로 0차원 텐서를 만드세요",
    "the header is not a data row": "헤더는 데이터 행이 아닙니다",
    "a newline at the end of the file does not start another row: skip empty lines":
        "파일 끝의 줄바꿈은 새 행을 시작하지 않습니다: 빈 줄은 건너뛰세요",
    "the last line is a row even without a newline at its end: count rows, not newline characters":
        "마지막 줄은 끝에 줄바꿈이 없어도 한 행입니다: 줄바꿈 문자가 아니라 행을 세세요",
    "count the rows after the header (csv.reader, or the non-empty lines of the text)":
        "헤더 다음의 행을 세세요 (csv.reader, 또는 텍스트에서 비어 있지 않은 줄)",
    "you took the columns in the header's order {header}: put the values in the order of feature_columns {wanted}":
        "열을 헤더 순서 {header}대로 가져왔습니다: 값을 feature_columns의 순서 {wanted}대로 넣으세요",
    "pick each column by its name in the header, in the order of feature_columns":
        "각 열을 헤더에서 이름으로 찾아, feature_columns의 순서대로 가져오세요",
    "torch.tensor([value]) has shape (1,); torch.tensor(value) is the 0-d scalar tensor asked for":
        "torch.tensor([value])의 모양은 (1,)입니다. 요구하는 것은 0차원 스칼라 텐서인 torch.tensor(value)입니다",
    "read the label column by its name, not by its position": "레이블 열은 위치가 아니라 이름으로 읽으세요",
    "apply transform(features) and target_transform(label) in __getitem__":
        "__getitem__에서 transform(features)와 target_transform(label)을 적용하세요",
    "apply transform to the features in __getitem__, once, when it is given":
        "transform이 주어지면 __getitem__에서 특성에 한 번 적용하세요",
    "apply target_transform to the label in __getitem__, once, when it is given":
        "target_transform이 주어지면 __getitem__에서 레이블에 한 번 적용하세요",
    "apply transform to the tensor in __getitem__, once": "__getitem__에서 텐서에 transform을 한 번 적용하세요",
    "build the float32 features tensor first, then return transform(features)":
        "float32 특성 텐서를 먼저 만든 다음 transform(features)를 반환하세요",
    "build the int64 label tensor first, then return target_transform(label)":
        "int64 레이블 텐서를 먼저 만든 다음 target_transform(label)을 반환하세요",
    "transforms run at access time: store {name:w} in __init__ and call it in __getitem__":
        "변환은 접근할 때 실행됩니다: {name}은(는) __init__에서 저장만 하고 __getitem__에서 호출하세요",
    "transforms run at access time, in __getitem__": "변환은 접근할 때, __getitem__에서 실행됩니다",
    "negative indices count from the end, as for a list": "음수 인덱스는 리스트처럼 끝에서부터 셉니다",
    "an index out of range must raise IndexError": "범위를 벗어난 인덱스는 IndexError를 일으켜야 합니다",
    "an index out of range must raise IndexError, which also ends a plain `for item in dataset` loop":
        "범위를 벗어난 인덱스는 IndexError를 일으켜야 합니다. 그래야 단순한 `for item in dataset` 반복도 끝납니다",
    "iteration stops at the first IndexError: {name:w}[{size:n}] must raise it":
        "반복은 첫 IndexError에서 멈춥니다: {name}[{size}]에서 IndexError가 나야 합니다",
    "__len__ must count every item": "__len__은 모든 항목을 세야 합니다",
    "an item must not depend on the process that reads it: keep no state that changes between accesses (an open "
    "file's position, a counter) on self":
        "항목은 그것을 읽는 프로세스에 따라 달라지면 안 됩니다: 접근할 때마다 바뀌는 상태(열린 파일의 위치, 카운터)를 "
        "self에 두지 마세요",
    "list the class folders and their .npy files in __init__": "__init__에서 클래스 폴더와 그 안의 .npy 파일 목록을 만드세요",
    "sort the folder names: os.listdir and Path.iterdir return them in no particular order":
        "폴더 이름을 정렬하세요: os.listdir와 Path.iterdir는 정해진 순서 없이 돌려줍니다",
    "one class per folder under root, named like the folder (entry.name)":
        "root 아래 폴더 하나가 클래스 하나이고, 이름은 폴더 이름(entry.name)입니다",
    "map each name in classes to its position: {name: i for i, name in enumerate(self.classes)}":
        "classes의 각 이름을 그 위치에 대응시키세요: {name: i for i, name in enumerate(self.classes)}",
    "sort the samples by class index, then by file name: sorted class folders (classes), and sorted() on each class "
    "folder's listing":
        "샘플을 클래스 인덱스 순, 그다음 파일 이름 순으로 정렬하세요: 클래스 폴더는 정렬된 순서(classes)로, 각 클래스 "
        "폴더의 파일 목록은 sorted()로",
    "pair each path with the index of its class folder in classes": "각 경로를 classes에서 그 클래스 폴더의 인덱스와 짝지으세요",
    "return the number of samples": "샘플 개수를 반환하세요",
    "only folders are classes, and only their .npy files are samples": "폴더만 클래스이고, 그 안의 .npy 파일만 샘플입니다",
    "load the array of samples[i] with np.load in __getitem__": "__getitem__에서 samples[i]의 배열을 np.load로 읽으세요",
    "convert the array with torch.as_tensor(array, dtype=torch.float32) (np.load keeps the file's dtype: float64, "
    "int32, ...)":
        "배열을 torch.as_tensor(array, dtype=torch.float32)로 변환하세요 (np.load는 파일의 dtype을 그대로 둡니다: "
        "float64, int32, ...)",
    "load the file of samples[idx] and keep its values": "samples[idx]의 파일을 읽고 값을 그대로 두세요",
    "return the class index stored with the path in samples[idx]": "samples[idx]에 경로와 함께 저장된 클래스 인덱스를 반환하세요",
    "load and transform in __getitem__": "__getitem__에서 읽고 변환하세요",
    "convert the array to a float32 tensor first, then return transform(tensor)":
        "배열을 먼저 float32 텐서로 변환한 다음 transform(tensor)를 반환하세요",
    "load only the file of samples[idx], with np.load, in __getitem__": "__getitem__에서 samples[idx]의 파일만 np.load로 읽으세요",
    "raise FileNotFoundError(f'no such folder: {root}') when root does not exist":
        "root가 없으면 FileNotFoundError(f'no such folder: {root}')를 일으키세요",
    "index self.samples like a list": "self.samples를 리스트처럼 인덱싱하세요",
    "call each transform on the previous one's result": "각 변환을 이전 변환의 결과에 호출하세요",
    "call them first to last, each on the result of the one before": "처음부터 끝까지 순서대로, 각각 이전 결과에 호출하세요",
    "keep the transforms in a list so that the pipeline can run again":
        "파이프라인을 다시 실행할 수 있도록 변환들을 리스트에 담아 두세요",
    "call each transform on the previous one's result (x = t(x)) and return the last result":
        "각 변환을 이전 결과에 호출하고 (x = t(x)) 마지막 결과를 반환하세요",
    "return (x - self.mean) / self.std": "(x - self.mean) / self.std를 반환하세요",
    "compute (x - mean) / std: subtract first, then divide (mind the parentheses)":
        "(x - mean) / std를 계산하세요: 먼저 빼고, 그다음 나누세요 (괄호에 주의)",
}

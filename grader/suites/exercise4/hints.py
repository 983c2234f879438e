"""Hints for exercise 4's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

_WORKER_COPY = ("Each DataLoader worker reads items from its own copy of the dataset, so an item must depend only on its index.",
                "DataLoader 워커는 저마다 데이터셋 복사본에서 항목을 읽습니다. 그러니 항목은 인덱스에만 따라 정해져야 합니다.")

HINTS: dict[str, H] = {
    "test_datasets_are_datasets": H("CSVDataset과 NpyFolderDataset은 torch.utils.data.Dataset을 상속합니다",
                                    ("CSVDataset", "NpyFolderDataset"), (
        ("A map-style dataset is a class that subclasses torch.utils.data.Dataset and defines __len__ and __getitem__.",
         "맵 스타일 데이터셋은 torch.utils.data.Dataset을 상속하고 __len__과 __getitem__을 정의하는 클래스입니다."),
    )),
    "test_csv_len": H("len(CSVDataset)은 파일 끝에 줄바꿈이 있든 없든 데이터 행의 개수입니다", ("CSVDataset",), (
        ("The header row only names the columns: it is not a data row.", "헤더 행은 열 이름만 담고 있을 뿐 데이터 행이 아닙니다."),
        ("Splitting the text at newlines leaves an empty last piece when the file ends with a newline; csv.reader does "
         "not, but it gives an empty row for a blank line. Keep only non-empty rows.",
         "텍스트를 줄바꿈으로 나누면 파일이 줄바꿈으로 끝날 때 마지막에 빈 조각이 남습니다. csv.reader는 그렇지 않지만 "
         "빈 줄은 빈 행으로 줍니다. 비어 있지 않은 행만 남기세요."),
        ("Count the rows you kept, not newline characters: the last row counts even without a newline after it.",
         "줄바꿈 문자가 아니라 남긴 행을 세세요: 마지막 행은 뒤에 줄바꿈이 없어도 한 행입니다."),
    )),
    "test_csv_features": H("features는 feature_columns 순서대로 그 열들의 값을 담은 float32 텐서입니다", ("CSVDataset",), (
        ("Find each feature column's position in the header by its name: the header's order is not the order of "
         "feature_columns.",
         "각 특성 열의 위치를 헤더에서 이름으로 찾으세요: 헤더의 순서는 feature_columns의 순서와 다릅니다."),
        ("Look the positions up once in __init__; in __getitem__, turn the row's text values at those positions into "
         "floats, in the order of feature_columns.",
         "위치는 __init__에서 한 번만 찾아 두고, __getitem__에서 그 위치에 있는 행의 텍스트 값을 feature_columns "
         "순서대로 실수로 바꾸세요."),
        ("Ask for dtype float32 explicitly when you build the tensor (NumPy floats would give float64).",
         "텐서를 만들 때 dtype을 float32로 명시하세요 (NumPy 실수를 쓰면 float64가 됩니다)."),
    )),
    "test_csv_label": H("label은 int(row[label_column])의 int64 스칼라 텐서입니다", ("CSVDataset",), (
        ("Find the label column by its name, like the features: it is neither the first nor the last column.",
         "레이블 열도 특성처럼 이름으로 찾으세요: 첫 열도 마지막 열도 아닙니다."),
        ("A scalar tensor has shape (): build it from one int, not from a one-element list, with dtype int64.",
         "스칼라 텐서의 모양은 ()입니다: 원소 하나짜리 리스트가 아니라 int 하나로, dtype은 int64로 만드세요."),
    )),
    "test_csv_transforms": H("transform과 target_transform은 접근마다 한 번씩 특성 텐서와 레이블 텐서에 실행됩니다",
                             ("CSVDataset",), (
        ("Keep transform and target_transform on self in __init__; either may be None.",
         "transform과 target_transform은 __init__에서 self에 저장하세요. 둘 다 None일 수 있습니다."),
        ("In __getitem__, build both tensors first; then, for each transform that is given, replace the tensor with "
         "what the transform returns, exactly once per access.",
         "__getitem__에서 두 텐서를 먼저 만들고, 주어진 변환마다 텐서를 그 변환이 반환한 값으로 바꾸세요. 접근마다 "
         "정확히 한 번입니다."),
    )),
    "test_csv_init_is_lazy": H("CSVDataset.__init__은 텐서를 만들지 않고 변환도 호출하지 않습니다", ("CSVDataset",), (
        ("__init__ only reads the text: keep the rows as lists of strings (or plain Python numbers).",
         "__init__은 텍스트만 읽습니다: 행은 문자열 리스트(또는 일반 Python 숫자)로 두세요."),
        ("Tensors are built, and transforms called, in __getitem__, each time an item is read.",
         "텐서를 만들고 변환을 호출하는 일은 항목을 읽을 때마다 __getitem__에서 합니다."),
    )),
    "test_csv_negative_indices": H("CSVDataset은 리스트처럼 음수 인덱스를 받습니다", ("CSVDataset",), (
        ("Keep the rows in a Python list and index it with idx: the list handles negative indices for you.",
         "행을 Python 리스트에 두고 idx로 인덱싱하세요: 음수 인덱스는 리스트가 알아서 처리합니다."),
    )),
    "test_csv_out_of_range": H("CSVDataset은 범위를 벗어난 인덱스에 IndexError를 일으켜서 `for x in dataset`이 멈춥니다",
                               ("CSVDataset",), (
        ("A Dataset without __iter__ is iterated by calling dataset[0], dataset[1], ... until one raises IndexError.",
         "__iter__가 없는 Dataset은 dataset[0], dataset[1], ...을 차례로 호출하다가 IndexError가 나면 반복을 멈춥니다."),
        ("Indexing a Python list raises IndexError for you: do not catch it, turn it into another exception, or wrap "
         "the index around.",
         "Python 리스트를 인덱싱하면 IndexError가 저절로 납니다: 잡거나, 다른 예외로 바꾸거나, 인덱스를 감아 돌리지 마세요."),
    )),
    "test_csv_missing_column": H("헤더에 없는 열은 그 이름을 담은 KeyError나 ValueError를 일으킵니다", ("CSVDataset",), (
        ("Check every name of feature_columns and label_column against the header in __init__.",
         "__init__에서 feature_columns와 label_column의 모든 이름을 헤더와 대조하세요."),
        ("Raise KeyError (or ValueError) yourself, with a message that contains the missing column's name.",
         "빠진 열 이름을 메시지에 담아 KeyError(또는 ValueError)를 직접 일으키세요."),
    )),
    "test_csv_dataloader": H("CSVDataset은 num_workers=2인 DataLoader에서 동작합니다", ("CSVDataset",), (
        _WORKER_COPY,
        ("Do not keep an open file or csv reader on self to read from in __getitem__: read the whole file in __init__, "
         "inside a with block.",
         "__getitem__에서 읽으려고 열린 파일이나 csv reader를 self에 두지 마세요: 파일 전체를 __init__에서 with 블록 "
         "안에서 읽으세요."),
    )),
    "test_csv_pickles": H("CSVDataset은 pickle할 수 있습니다 (self에 열린 파일이나 람다가 없습니다)", ("CSVDataset",), (
        ("pickle cannot save open files, csv readers, generators, or lambdas defined inside __init__.",
         "pickle은 열린 파일, csv reader, 제너레이터, __init__ 안에서 정의한 람다를 저장할 수 없습니다."),
        ("Keep only plain data on self (the path, the rows as strings, the column positions) and the transforms you "
         "were given.",
         "self에는 단순한 데이터(경로, 문자열로 된 행, 열 위치)와 전달받은 변환만 두세요."),
    )),
    "test_npy_classes": H("classes는 정렬된 클래스 폴더 이름이고, class_to_idx는 각 이름을 인덱스에 대응시킵니다",
                          ("NpyFolderDataset",), (
        ("List the entries of root and keep the names of the folders.", "root의 항목을 나열하고 폴더의 이름만 남기세요."),
        ("Directory listings come back in no particular order: sort the names, then number them 0, 1, 2, ... in that "
         "order.",
         "디렉터리 목록은 정해진 순서 없이 나옵니다: 이름을 정렬한 다음 그 순서대로 0, 1, 2, ...로 번호를 매기세요."),
    )),
    "test_npy_samples": H("samples는 클래스 인덱스, 그다음 파일 이름 순으로 정렬된 (path, class_index) 쌍이고, len은 그 개수입니다",
                          ("NpyFolderDataset",), (
        ("For each class, in the order of classes, list the .npy files of its folder sorted by file name, and pair "
         "each path with the class index.",
         "classes 순서대로 클래스마다 그 폴더의 .npy 파일을 파일 이름 순으로 나열하고, 각 경로를 클래스 인덱스와 짝지으세요."),
        ("root may be a str or a pathlib.Path: turn it into a Path before building the paths of the files.",
         "root는 str일 수도 pathlib.Path일 수도 있습니다: 파일 경로를 만들기 전에 Path로 바꾸세요."),
        ("__len__ is the number of samples.", "__len__은 샘플의 개수입니다."),
    )),
    "test_npy_ignores_stray_files": H("클래스 폴더 옆의 파일과 .npy가 아닌 파일은 클래스도 샘플도 아닙니다",
                                      ("NpyFolderDataset",), (
        ("Only directories under root are classes: skip plain files there, even one whose name ends in .npy.",
         "root 아래의 디렉터리만 클래스입니다: 그곳의 일반 파일은 이름이 .npy로 끝나더라도 건너뛰세요."),
        ("Only files whose name ends in .npy are samples: a glob pattern for that suffix skips .txt and .npy.bak files.",
         "이름이 .npy로 끝나는 파일만 샘플입니다: 그 확장자에 맞춘 glob 패턴은 .txt나 .npy.bak 파일을 건너뜁니다."),
    )),
    "test_npy_getitem": H("dataset[i]는 (배열의 float32 텐서, Python int인 클래스 인덱스)입니다", ("NpyFolderDataset",), (
        ("Load the array of samples[idx] in __getitem__: np.load keeps the dtype the file was saved with (float64, "
         "int32, ...).",
         "__getitem__에서 samples[idx]의 배열을 읽으세요: np.load는 파일에 저장된 dtype(float64, int32, ...)을 그대로 둡니다."),
        ("Convert the array to a float32 tensor, and return the class index as stored in samples, a plain int.",
         "배열은 float32 텐서로 바꾸고, 클래스 인덱스는 samples에 저장된 그대로 일반 int로 반환하세요."),
    )),
    "test_npy_transform": H("NpyFolderDataset은 float32 텐서에 transform을 접근마다 한 번 적용합니다", ("NpyFolderDataset",), (
        ("Store transform in __init__ and call it in __getitem__, once, after converting the array to a float32 tensor.",
         "transform은 __init__에서 저장하고, __getitem__에서 배열을 float32 텐서로 바꾼 다음 한 번 호출하세요."),
    )),
    "test_npy_init_is_lazy": H("NpyFolderDataset.__init__은 .npy 파일을 열지 않고, 항목은 접근할 때 파일에서 읽습니다",
                               ("NpyFolderDataset",), (
        ("__init__ lists paths only; reading what is in the files belongs in __getitem__.",
         "__init__은 경로만 나열합니다. 파일 내용을 읽는 일은 __getitem__에서 합니다."),
        ("Do not keep loaded arrays: the test changes the files after building the dataset and expects the new content.",
         "읽은 배열을 보관하지 마세요: 테스트는 데이터셋을 만든 뒤 파일을 바꾸고 새 내용을 기대합니다."),
    )),
    "test_npy_loads_on_access": H("접근할 때마다 그 항목의 파일 하나만 읽습니다", ("NpyFolderDataset",), (
        ("Each dataset[i] loads exactly one file, the one of samples[i], every time, even when it was read before.",
         "dataset[i]는 매번 정확히 파일 하나, samples[i]의 파일만 읽습니다. 전에 읽은 적이 있어도 마찬가지입니다."),
    )),
    "test_npy_missing_root": H("없는 root는 FileNotFoundError를 일으킵니다", ("NpyFolderDataset",), (
        ("Listing or globbing a folder that does not exist may simply find nothing: check that root is a directory "
         "first.",
         "없는 폴더를 나열하거나 glob하면 그냥 아무것도 찾지 못할 수 있습니다: 먼저 root가 디렉터리인지 확인하세요."),
        ("When it is not, raise FileNotFoundError with a message that names root.",
         "디렉터리가 아니면 root를 메시지에 담아 FileNotFoundError를 일으키세요."),
    )),
    "test_npy_indexing": H("NpyFolderDataset은 리스트처럼 인덱싱합니다: 음수 인덱스를 받고, 끝을 넘으면 IndexError입니다",
                           ("NpyFolderDataset",), (
        ("Index the samples list with idx: a Python list already handles negative indices and raises IndexError out "
         "of range.",
         "samples 리스트를 idx로 인덱싱하세요: Python 리스트는 음수 인덱스를 처리하고 범위를 벗어나면 IndexError를 일으킵니다."),
    )),
    "test_npy_dataloader": H("NpyFolderDataset은 num_workers=2인 DataLoader에서 동작합니다", ("NpyFolderDataset",), (
        _WORKER_COPY,
        ("The default collate function stacks the tensors of a batch, which needs one dtype and shape: convert every "
         "array to float32.",
         "기본 collate 함수는 배치의 텐서들을 쌓으므로 dtype과 모양이 같아야 합니다: 모든 배열을 float32로 바꾸세요."),
    )),
    "test_npy_pickles": H("NpyFolderDataset은 pickle할 수 있습니다 (self에 열린 파일이나 람다가 없습니다)",
                          ("NpyFolderDataset",), (
        ("Keep only plain data on self (root, classes, class_to_idx, samples) and the transform you were given; no "
         "lambda defined in __init__.",
         "self에는 단순한 데이터(root, classes, class_to_idx, samples)와 전달받은 transform만 두세요. __init__ 안에서 "
         "정의한 람다는 두지 마세요."),
    )),
    "test_compose_order": H("Compose는 주어진 순서대로 호출 가능한 객체들을 적용합니다", ("Compose",), (
        ("Compose([f, g])(x) is g(f(x)): the first transform runs first, and each one gets the previous one's result.",
         "Compose([f, g])(x)는 g(f(x))입니다: 첫 변환이 먼저 실행되고, 각 변환은 이전 변환의 결과를 받습니다."),
        ("Keep the transforms as a list in __init__: an iterator or a generator would be used up after the first call.",
         "__init__에서 변환들을 리스트로 보관하세요: 이터레이터나 제너레이터는 첫 호출 뒤에 소진됩니다."),
    )),
    "test_normalize": H("Normalize는 (x - mean) / std를 반환합니다 (mean과 std는 텐서나 실수)", ("Normalize",), (
        ("Subtract first, then divide: mind the operators' precedence.", "먼저 빼고 그다음 나누세요: 연산자 우선순위에 주의하세요."),
        ("Build a new tensor: in-place operations (-=, /=, sub_) would change the caller's x.",
         "새 텐서를 만드세요: 제자리 연산(-=, /=, sub_)은 호출한 쪽의 x를 바꿉니다."),
    )),
}

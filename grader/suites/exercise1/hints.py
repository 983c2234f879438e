"""Hints for exercise 1's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

HINTS: dict[str, H] = {
    "test_linear_is_module": H("MyLinear는 nn.Module입니다", ("MyLinear",), (
        ("A layer is a class that subclasses nn.Module and calls super().__init__() first in its __init__.",
         "층(layer)은 nn.Module을 상속하고 __init__에서 가장 먼저 super().__init__()을 호출하는 클래스입니다."),
    )),
    "test_weight_is_parameter": H("weight는 모양이 (out_features, in_features)인 nn.Parameter입니다", ("MyLinear",), (
        ("Only tensors wrapped in nn.Parameter and assigned to self become parameters the optimizer sees.",
         "nn.Parameter로 감싸서 self에 할당한 텐서만 옵티마이저가 보는 매개변수가 됩니다."),
        ("The weight has one row per output feature: its shape is (out_features, in_features), dtype float32.",
         "가중치는 출력 특성마다 한 행입니다: 모양은 (out_features, in_features), dtype은 float32입니다."),
    )),
    "test_bias_is_parameter": H("bias는 모양이 (out_features,)인 nn.Parameter입니다", ("MyLinear",), (
        ("The bias is a 1-d nn.Parameter with one value per output feature.",
         "bias는 출력 특성마다 값이 하나인 1차원 nn.Parameter입니다."),
    )),
    "test_state_dict_names": H("parameters와 state_dict에는 weight와 bias만 있습니다", ("MyLinear",), (
        ("Every nn.Parameter or buffer you assign to self shows up in state_dict(): keep only weight and bias.",
         "self에 할당한 nn.Parameter와 버퍼는 모두 state_dict()에 나타납니다: weight와 bias만 두세요."),
    )),
    "test_no_bias": H("MyLinear(..., bias=False)는 bias가 None이고 weight 매개변수만 가집니다", ("MyLinear",), (
        ("With bias=False the attribute must still exist and be None, like nn.Linear's.",
         "bias=False여도 속성은 있어야 하고 값은 None이어야 합니다 (nn.Linear처럼)."),
        ("nn.Module has a method that registers a parameter slot holding None.",
         "nn.Module에는 None을 담은 매개변수 자리를 등록하는 메서드가 있습니다."),
    )),
    "test_no_child_modules": H("MyLinear에는 자식 모듈이 없습니다 (안에 nn.Linear가 없어야 합니다)", ("MyLinear",), (
        ("The exercise is to write what nn.Linear does: hold the tensors yourself instead of wrapping a layer.",
         "이 과제는 nn.Linear가 하는 일을 직접 쓰는 것입니다: 층을 감싸지 말고 텐서를 직접 가지세요."),
    )),
    "test_init_range": H("weight와 bias는 [-1/sqrt(in_features), 1/sqrt(in_features)]에서 균등하게 초기화됩니다",
                         ("MyLinear",), (
        ("The bound depends on in_features (the input size), not on out_features.",
         "경계값은 out_features가 아니라 in_features(입력 크기)에 따라 정해집니다."),
        ("Draw from a uniform distribution on [-b, b] with b = 1 / sqrt(in_features), for weight and bias alike.",
         "weight와 bias 모두 b = 1 / sqrt(in_features)일 때 [-b, b]의 균등분포에서 뽑으세요."),
    )),
    "test_init_is_random": H("새로 만든 두 층은 서로 다른 무작위 가중치를 받습니다", ("MyLinear",), (
        ("Do not seed the random generator inside __init__: each layer must draw fresh values.",
         "__init__ 안에서 난수 시드를 정하지 마세요: 층마다 새 값을 뽑아야 합니다."),
    )),
    "test_forward": H("forward는 모양이 (*, in_features)인 입력에 x @ weight.T + bias를 계산합니다",
                      ("MyLinear", "MyLinear.forward"), (
        ("The weight is stored as (out_features, in_features), so the input multiplies its transpose.",
         "weight는 (out_features, in_features)로 저장되므로 입력에 그 전치(transpose)를 곱합니다."),
        ("Use the @ operator, which broadcasts over any leading batch dimensions; torch.mm accepts only 2-d inputs.",
         "앞쪽 배치 차원이 몇 개든 브로드캐스트되는 @ 연산자를 쓰세요. torch.mm은 2차원 입력만 받습니다."),
    )),
    "test_follows_to_float64": H(".to(torch.float64) 이후 forward는 float64로 계산합니다", ("MyLinear", "MyLinear.forward"), (
        ("A tensor computed in __init__ from the weight (a transpose, a copy) is not converted by .to().",
         "__init__에서 weight로 만든 텐서(전치, 복사본)는 .to()가 변환하지 않습니다."),
    )),
    "test_forward_without_bias": H("bias가 없을 때 forward는 x @ weight.T를 계산합니다", ("MyLinear.forward",), (
        ("When self.bias is None, skip the addition.", "self.bias가 None이면 더하기를 건너뛰세요."),
    )),
    "test_forward_gradients": H("출력에서 x, weight, bias로 기울기가 흐릅니다", ("MyLinear.forward",), (
        ("Autograd tracks only operations on the parameters themselves: no .data, .detach() or torch.tensor(...) copies.",
         "autograd는 매개변수 자체에 대한 연산만 추적합니다: .data, .detach(), torch.tensor(...) 복사를 쓰지 마세요."),
    )),
    "test_standardize_buffers": H("Standardize는 mean과 std를 매개변수가 아닌 버퍼로 가집니다", ("Standardize",), (
        ("Buffers are tensors that belong to the module's state but are not trained.",
         "버퍼는 모듈 상태에 속하지만 학습되지 않는 텐서입니다."),
        ("nn.Module has a method that registers a named buffer; a plain attribute is not one.",
         "nn.Module에는 이름 붙은 버퍼를 등록하는 메서드가 있습니다. 일반 속성은 버퍼가 아닙니다."),
    )),
    "test_standardize_moves_with_to": H("Standardize의 버퍼는 .to(dtype)과 .to(device)를 따라갑니다", ("Standardize",), (
        (".to() converts registered buffers and parameters only.", ".to()는 등록된 버퍼와 매개변수만 변환합니다."),
    )),
    "test_standardize_forward": H("Standardize는 (x - mean) / std를 계산합니다", ("Standardize", "Standardize.forward"), (
        ("Mind the parentheses, and build a new tensor instead of changing x in place.",
         "괄호에 주의하고, x를 제자리에서 바꾸지 말고 새 텐서를 만드세요."),
    )),
    "test_mlp_children": H("MLP의 자식은 norm(Standardize), fc1과 fc2(MyLinear)이고 크기가 맞습니다", ("MLP",), (
        ("Children are registered by assigning modules to attributes of self; their names are the attribute names.",
         "자식 모듈은 self의 속성에 모듈을 할당하면 등록되고, 이름은 속성 이름입니다."),
        ("fc1 maps in_features to hidden_features and fc2 maps hidden_features to out_features.",
         "fc1은 in_features를 hidden_features로, fc2는 hidden_features를 out_features로 바꿉니다."),
    )),
    "test_mlp_state_dict": H("MLP의 state_dict에는 세 자식의 버퍼와 매개변수가 있습니다", ("MLP",), (
        ("state_dict() keys are prefixed by child names: norm.mean, fc1.weight, ...",
         "state_dict()의 키 앞에는 자식 이름이 붙습니다: norm.mean, fc1.weight, ..."),
    )),
    "test_mlp_forward": H("MLP는 fc2(relu(fc1(norm(x))))를 계산합니다", ("MLP", "MLP.forward"), (
        ("Apply the children in the order of the contract, with a ReLU between fc1 and fc2 only.",
         "명세의 순서대로 자식을 적용하고, ReLU는 fc1과 fc2 사이에만 두세요."),
    )),
    "test_count_returns_int": H("count_parameters는 Python int를 반환합니다", ("count_parameters",), (
        ("Summing Python ints gives an int; summing tensors gives a tensor.",
         "Python int를 더하면 int가, 텐서를 더하면 텐서가 나옵니다."),
    )),
    "test_count_trainable": H("count_parameters는 학습 가능한 스칼라 개수를 세고, trainable_only=False이면 전부 셉니다",
                              ("count_parameters",), (
        ("Count scalar values (numel), not tensors.", "텐서 개수가 아니라 스칼라 값 개수(numel)를 세세요."),
        ("A parameter is trainable when its requires_grad is True.", "requires_grad가 True인 매개변수가 학습 가능한 것입니다."),
    )),
    "test_count_shared_and_buffers": H("count_parameters는 공유된 매개변수를 한 번만 세고 버퍼는 세지 않습니다",
                                       ("count_parameters",), (
        ("model.parameters() yields each parameter once, even when two layers share it, and never yields buffers.",
         "model.parameters()는 두 층이 공유하는 매개변수도 한 번만 내놓고, 버퍼는 내놓지 않습니다."),
    )),
}

{
 "cells": [
  {
   "cell_type": "markdown",
   "id": "intro",
   "metadata": {},
   "source": [
    "# Exercise 1, saved from Jupyter with a .py name\n"
   ]
  },
  {
   "cell_type": "code",
   "id": "imports",
   "metadata": {},
   "execution_count": null,
   "outputs": [],
   "source": [
    "\"\"\"Reference solution for exercise 1: a custom nn.Module with nn.Parameter.\"\"\"\n",
    "\n",
    "from __future__ import annotations\n",
    "\n",
    "import math\n",
    "\n",
    "import torch\n",
    "from torch import Tensor, nn\n",
    "\n",
    "\n"
   ]
  },
  {
   "cell_type": "code",
   "id": "c0",
   "metadata": {},
   "execution_count": null,
   "outputs": [],
   "source": [
    "class MyLinear(nn.Module):\n",
    "    \"\"\"A fully connected layer, ``x @ weight.T + bias``, written without ``nn.Linear``.\"\"\"\n",
    "\n",
    "    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:\n",
    "        super().__init__()\n",
    "        self.in_features = in_features\n",
    "        self.out_features = out_features\n",
    "        bound = 1.0 / math.sqrt(in_features)\n",
    "        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))\n",
    "        if bias:\n",
    "            self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound))\n",
    "        else:\n",
    "            self.register_parameter(\"bias\", None)\n",
    "\n",
    "    def forward(self, x: Tensor) -> Tensor:\n",
    "        out = x @ self.weight.T\n",
    "        if self.bias is not None:\n",
    "            out = out + self.bias\n",
    "        return out"
   ]
  },
  {
   "cell_type": "code",
   "id": "c1",
   "metadata": {},
   "execution_count": null,
   "outputs": [],
   "source": [
    "class Standardize(nn.Module):\n",
    "    \"\"\"``(x - mean) / std`` with ``mean`` and ``std`` kept as buffers.\"\"\"\n",
    "\n",
    "    def __init__(self, mean: Tensor, std: Tensor) -> None:\n",
    "        super().__init__()\n",
    "        self.register_buffer(\"mean\", torch.as_tensor(mean).clone())\n",
    "        self.register_buffer(\"std\", torch.as_tensor(std).clone())\n",
    "\n",
    "    def forward(self, x: Tensor) -> Tensor:\n",
    "        return (x - self.mean) / self.std"
   ]
  },
  {
   "cell_type": "code",
   "id": "c2",
   "metadata": {},
   "execution_count": null,
   "outputs": [],
   "source": [
    "class MLP(nn.Module):\n",
    "    \"\"\"Standardize, then two ``MyLinear`` layers with a ReLU between them.\"\"\"\n",
    "\n",
    "    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:\n",
    "        super().__init__()\n",
    "        self.norm = Standardize(mean, std)\n",
    "        self.fc1 = MyLinear(in_features, hidden_features)\n",
    "        self.fc2 = MyLinear(hidden_features, out_features)\n",
    "\n",
    "    def forward(self, x: Tensor) -> Tensor:\n",
    "        return self.fc2(torch.relu(self.fc1(self.norm(x))))\n",
    "\n",
    "\n",
    "def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:\n",
    "    \"\"\"The number of scalars in ``model.parameters()``; shared parameters count once, buffers never.\"\"\"\n",
    "    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable_only)"
   ]
  },
  {
   "cell_type": "code",
   "id": "explore",
   "metadata": {},
   "execution_count": null,
   "outputs": [],
   "source": [
    "!pip list\n",
    "%timeit MyLinear(3, 5)\n",
    "print(count_parameters(MLP(4, 8, 3, torch.zeros(4), torch.ones(4))))\n"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {
   "name": "python3",
   "display_name": "Python 3",
   "language": "python"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}

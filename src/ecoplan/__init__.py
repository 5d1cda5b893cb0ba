"""ecoplan: circular-economy planning for industrial zones and eco-industrial parks."""

from ecoplan.errors import EcoplanError, InputError, Problem
from ecoplan.model.zone import Zone

__all__ = ["EcoplanError", "InputError", "Problem", "Zone"]
__version__ = "0.1.0"

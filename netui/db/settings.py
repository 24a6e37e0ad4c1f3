"""Key/value settings stored as JSON text."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from netui.db.models import SettingModel


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: Any = None) -> Any:
        model = self.session.get(SettingModel, key)
        return default if model is None else json.loads(model.value)

    def set(self, key: str, value: Any) -> None:
        self.session.merge(SettingModel(key=key, value=json.dumps(value)))

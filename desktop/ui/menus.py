"""The window's menus: File, View, Help, and the keyboard shortcuts that go with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from desktop.ui.help_dialog import AboutDialog, HelpDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def build_menus(w: MainWindow) -> None:
    translate = QCoreApplication.translate
    bar = w.menuBar()

    def action(text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        act = QAction(text, w)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(slot)
        return act

    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(action(translate("MainWindow", "&New chat"), w.new_conversation,
                               QKeySequence(QKeySequence.StandardKey.New)))  # fmt: skip
    file_menu.addAction(action(translate("MainWindow", "&Open model file…"), w.choose_model_file,
                               QKeySequence("Ctrl+O")))  # fmt: skip
    file_menu.addAction(action(translate("MainWindow", "&Export chat…"), w.chat_actions.export_current,
                               QKeySequence("Ctrl+E")))  # fmt: skip
    models = action(translate("MainWindow", "&Models…"), w.show_models, QKeySequence("Ctrl+M"))
    models.setToolTip(
        translate("MainWindow", "See which models fit this computer, download or import one")
    )
    file_menu.addAction(models)
    documents = action(translate("MainWindow", "&Documents…"), w.show_documents,
                       QKeySequence("Ctrl+Shift+D"))  # fmt: skip
    documents.setToolTip(translate("MainWindow", "Your own files, to ask questions about them"))
    file_menu.addAction(documents)
    file_menu.addAction(action(translate("MainWindow", "&Settings…"), w.open_settings,
                               QKeySequence("Ctrl+,")))  # fmt: skip
    file_menu.addAction(action(translate("MainWindow", "&Quit"), w.close,
                               QKeySequence(QKeySequence.StandardKey.Quit)))  # fmt: skip

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    w.panel_action = QAction(translate("MainWindow", "&Resource panel"), w)
    w.panel_action.setShortcut(QKeySequence("Ctrl+R"))
    w.panel_action.setCheckable(True)
    w.panel_action.setChecked(w.settings.panel_visible)
    w.panel_action.toggled.connect(w.set_panel_visible)
    view_menu.addAction(w.panel_action)
    w.demo_action = QAction(translate("MainWindow", "&Demo mode (for a projector)"), w)
    w.demo_action.setShortcut(QKeySequence("Ctrl+D"))
    w.demo_action.setCheckable(True)
    w.demo_action.setToolTip(
        translate(
            "MainWindow", "Larger text, ready questions and the 405B comparison beside every answer"
        )
    )
    w.demo_action.toggled.connect(w.set_demo_mode)
    view_menu.addAction(w.demo_action)
    w.full_screen_action = QAction(translate("MainWindow", "&Full screen"), w)
    w.full_screen_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
    w.full_screen_action.setCheckable(True)
    w.full_screen_action.toggled.connect(w.set_full_screen)
    view_menu.addAction(w.full_screen_action)
    view_menu.addSeparator()
    view_menu.addAction(action(translate("MainWindow", "&Compare models…"), w.show_compare_models))  # fmt: skip
    view_menu.addAction(action(translate("MainWindow", "&Test drive…"), w.show_drive))
    w.addAction(action(translate("MainWindow", "Rename chat"), w.chat_actions.rename_current,
                       QKeySequence("F2")))  # fmt: skip

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(action(translate("MainWindow", "&Welcome…"), w.show_welcome))
    help_menu.addAction(action(translate("MainWindow", "What the &numbers mean"),
                               lambda: w.show_dialog(HelpDialog(w)),
                               QKeySequence(QKeySequence.StandardKey.HelpContents)))  # fmt: skip
    help_menu.addAction(action(translate("MainWindow", "&About Smaller"),
                               lambda: w.show_dialog(AboutDialog(w))))  # fmt: skip
    # Qt's own "more menus" button, shown when the menu bar overflows (large text).
    overflow = bar.findChild(QToolButton, "qt_menubar_ext_button")
    if overflow is not None:
        overflow.setAccessibleName(translate("MainWindow", "More menus"))

"""The SPAPS resources, one module each; the clients in :mod:`paywire.spaps.client` mount them
(``spaps.auth``, ``spaps.sessions``, ``spaps.payments`` + ``.crypto``, ``spaps.usage``,
``spaps.secure_messages``, ``spaps.whitelist``, ``spaps.metrics``). Request flows share
:mod:`paywire.spaps.resources._base`."""

"""The offline web view: a JSON API over the store and a Leaflet page, served by `sitrep serve`.

Nothing here reaches the network: the basemap and the browser libraries are
npm packages copied into ``static/vendor`` at set-up (see ``vendor``), and the
page asks only its own server for data.
"""

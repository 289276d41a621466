"""The 宣传平台 tab: rules and measures with their versions, releases per channel, guides and public figures."""

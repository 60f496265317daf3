"""The distributed processor: a Faust app that classifies FileEvents from Kafka into FileVerdicts.

``handler`` is the Kafka-free part (decode, classify, route to verdicts or dead letters); ``app`` wires it into
Faust with manual acknowledgements; ``runner`` builds the classifier and runs one worker.
"""

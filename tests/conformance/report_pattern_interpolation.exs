# Interpolation cannot be matched: only a literal prefix with <> can.
name = "Bob"
"Hello #{name}" = "Hello Bob"

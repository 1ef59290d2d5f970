for f <- [-0.01, 0.01, -0.04, 1.0e-20, -1.0e-20, 6.0e-16, -6.0e-16, 0.5, -0.5, 2.675, -2.675, -0.0, 0.0] do
  IO.inspect {f, Float.round(f, 2), Float.ceil(f, 2), Float.floor(f, 2), Float.round(f, 15)}
  IO.inspect {Float.ceil(f), Float.floor(f), Float.round(f), Float.floor(f, 1)}
end

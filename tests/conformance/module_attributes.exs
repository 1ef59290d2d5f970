defmodule AppConfig do
  @default_port 4000
  @hosts ["localhost", "example.com"]
  @moduledoc "Configuration"
  @doc "Returns the port"
  def port, do: @default_port
  def hosts, do: @hosts
  @default_port 5000
  def later_port, do: @default_port
  def name, do: __MODULE__
  def info, do: {__MODULE__, @default_port, length(@hosts)}
end
IO.inspect AppConfig.port()
IO.inspect AppConfig.hosts()
IO.inspect AppConfig.later_port()
IO.inspect AppConfig.name()
IO.inspect AppConfig.info()
IO.inspect __MODULE__
IO.puts inspect(AppConfig)
IO.puts AppConfig

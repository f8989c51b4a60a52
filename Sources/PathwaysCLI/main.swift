import ShippedContent
print(ShippedContent.directory?.path ?? "none")

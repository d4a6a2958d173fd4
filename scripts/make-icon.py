"""Draw the Laoke app icon: the character 老 in white on a deep-teal rounded square.

Usage: python scripts/make-icon.py OUT.png   (then `tauri icon OUT.png` makes src-tauri/icons/*)
Needs Pillow and fonts-noto-cjk (NotoSansCJK-Bold.ttc).
"""

import sys

from PIL import Image, ImageDraw, ImageFont

SIZE = 1024
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
TEAL_TOP = (17, 115, 110)
TEAL_BOTTOM = (8, 78, 80)


def main(out: str) -> None:
    scale = 4  # draw large, downsample for smooth edges
    big = SIZE * scale
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))

    # vertical gradient clipped to a rounded square with a small margin (macOS-style)
    margin = int(big * 0.06)
    radius = int(big * 0.2)
    gradient = Image.new("RGBA", (big, big))
    gdraw = ImageDraw.Draw(gradient)
    for y in range(big):
        t = y / (big - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(TEAL_TOP, TEAL_BOTTOM))
        gdraw.line([(0, y), (big, y)], fill=colour + (255,))
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        [margin, margin, big - margin, big - margin], radius=radius, fill=255
    )
    img.paste(gradient, (0, 0), mask)

    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(big * 0.56), index=0)
    left, top, right, bottom = draw.textbbox((0, 0), "老", font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    draw.text((x, y), "老", font=font, fill=(255, 255, 255, 255))

    img.resize((SIZE, SIZE), Image.LANCZOS).save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "app-icon.png")
